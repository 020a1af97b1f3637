namespace JourneyPlugin.Infobip.Templates;

/// <summary>What value a placeholder needs.</summary>
public enum InfobipTemplatePlaceholderKind
{
    /// <summary>A text (body <c>{{n}}</c>, or a text header's <c>{{1}}</c>).</summary>
    Text,

    /// <summary>The URL of the header's image, video, GIF or document.</summary>
    MediaUrl,

    /// <summary>The latitude and longitude of a location header.</summary>
    Location,

    /// <summary>The dynamic suffix of a URL button (<c>https://shop.example/track/{{1}}</c>).</summary>
    UrlSuffix,

    /// <summary>The code of a copy-code button.</summary>
    CouponCode,
}
