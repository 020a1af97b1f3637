namespace JourneyPlugin.Infobip.Sandbox;

/// <summary>Which send endpoint a message came through.</summary>
public enum SandboxMessageKind
{
    /// <summary><c>/whatsapp/1/message/text</c>.</summary>
    Text,

    /// <summary><c>/whatsapp/1/message/image</c>.</summary>
    Image,

    /// <summary><c>/whatsapp/1/message/document</c>.</summary>
    Document,

    /// <summary><c>/whatsapp/1/message/video</c>.</summary>
    Video,

    /// <summary><c>/whatsapp/1/message/audio</c>.</summary>
    Audio,

    /// <summary><c>/whatsapp/1/message/interactive/buttons</c>.</summary>
    InteractiveButtons,

    /// <summary><c>/whatsapp/1/message/interactive/list</c>.</summary>
    InteractiveList,

    /// <summary><c>/whatsapp/1/message/template</c>; the only kind allowed outside the 24 h window.</summary>
    Template,
}
