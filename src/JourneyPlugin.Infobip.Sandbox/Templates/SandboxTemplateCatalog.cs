namespace JourneyPlugin.Infobip.Sandbox.Templates;

/// <summary>The templates a sandbox holds unless it is given its own.</summary>
public static class SandboxTemplateCatalog
{
    /// <summary>
    /// Realistic templates: <c>welcome_offer</c>, <c>offer_reminder</c>, <c>cart_reminder</c>,
    /// <c>order_shipped</c>, <c>appointment_reminder</c>, <c>otp_code</c> (all approved) and
    /// <c>spring_sale</c> (still pending review).
    /// </summary>
    public static IReadOnlyList<SandboxTemplate> Default { get; } =
    [
        new()
        {
            Id = "1417202459826518",
            Name = "welcome_offer",
            Language = "en",
            Category = "MARKETING",
            Structure = new()
            {
                Header = new("TEXT", "Welcome to Acme"),
                Body = "Hi {{1}}, thanks for joining Acme! Use code {{2}} for 15% off your first order. Shall we send you our weekly deals?",
                Footer = "Reply STOP to opt out",
                Buttons = [new("QUICK_REPLY", "Yes please"), new("QUICK_REPLY", "No thanks")],
            },
        },
        new()
        {
            Id = "1417202459826523",
            Name = "offer_reminder",
            Language = "en",
            Category = "MARKETING",
            Structure = new()
            {
                Body = "Hi {{1}}, your 15% code {{2}} is still waiting for you. Reply YES to get our weekly deals.",
                Footer = "Reply STOP to opt out",
            },
        },
        new()
        {
            Id = "1417202459826524",
            Name = "cart_reminder",
            Language = "en",
            Category = "MARKETING",
            Structure = new()
            {
                Body = "Hi {{1}}, you left {{2}} in your cart. Complete your order at https://shop.example.com/cart before it sells out!",
                Footer = "Reply STOP to opt out",
            },
        },
        new()
        {
            Id = "1417202459826519",
            Name = "order_shipped",
            Language = "en",
            Category = "UTILITY",
            Structure = new()
            {
                Header = new("DOCUMENT"),
                Body = "Good news {{1}}! Your order {{2}} is on its way. The invoice is attached.",
                Buttons = [new("URL", "Track order") { Url = "https://track.example.com/orders/{{1}}" }],
            },
        },
        new()
        {
            Id = "1417202459826520",
            Name = "appointment_reminder",
            Language = "en_GB",
            Category = "UTILITY",
            Structure = new()
            {
                Body = "Hello {{1}}, this is a reminder of your appointment on {{2}} at {{3}}. Reply YES to confirm or NO to rearrange.",
                Footer = "Acme Clinic",
            },
        },
        new()
        {
            Id = "1417202459826521",
            Name = "otp_code",
            Language = "en",
            Category = "AUTHENTICATION",
            Structure = new()
            {
                Body = "{{1}} is your verification code. For your security, do not share this code.",
                Footer = "This code expires in 10 minutes.",
                Buttons = [new("COPY_CODE", "Copy code") { OtpType = "COPY_CODE" }],
            },
        },
        new()
        {
            Id = "1417202459826522",
            Name = "spring_sale",
            Language = "en",
            Status = "PENDING",
            Category = "MARKETING",
            Structure = new()
            {
                Header = new("IMAGE"),
                Body = "Spring sale! {{1}}% off everything until {{2}}.",
                Buttons = [new("QUICK_REPLY", "Show me")],
            },
        },
    ];
}
