namespace JourneyPlugin.Infobip.Webhooks;

/// <summary>The WhatsApp user a webhook is about, as Infobip knows them.</summary>
/// <param name="Name">Profile name.</param>
/// <param name="PhoneNumber">Phone number; absent for users known only by a business-scoped user id.</param>
/// <param name="UserId">Business-scoped user id (BSUID), e.g. <c>US.1349120865530274191</c>.</param>
/// <param name="ParentUserId">Parent business-scoped user id.</param>
/// <param name="Username">WhatsApp username.</param>
public sealed record InfobipWebhookContact(
    string? Name,
    string? PhoneNumber = null,
    string? UserId = null,
    string? ParentUserId = null,
    string? Username = null);
