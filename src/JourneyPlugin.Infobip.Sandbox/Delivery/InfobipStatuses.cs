using System.Text.Json.Nodes;

namespace JourneyPlugin.Infobip.Sandbox.Delivery;

/// <summary>The <c>status</c> and <c>error</c> objects Infobip uses, from its table of status and error codes.</summary>
internal static class InfobipStatuses
{
    /// <summary>The status of an accepted send: on its way.</summary>
    public static JsonObject PendingEnroute() =>
        Status(1, "PENDING", 7, "PENDING_ENROUTE", "Message sent to next instance");

    public static JsonObject DeliveredToHandset() =>
        Status(3, "DELIVERED", 5, "DELIVERED_TO_HANDSET", "Message delivered to handset");

    /// <summary>The status Infobip pairs with WhatsApp handset errors such as 7008 and 7010.</summary>
    public static JsonObject UndeliverableRejectedOperator() =>
        Status(2, "UNDELIVERABLE", 4, "UNDELIVERABLE_REJECTED_OPERATOR", "Message rejected by operator");

    public static JsonObject NoError() =>
        Error(0, "OK", 0, "NO_ERROR", "No Error", permanent: false);

    /// <summary>A free-form message outside the customer's 24 hour window.</summary>
    public static JsonObject NoSession() =>
        Error(1, "HANDSET_ERRORS", 7010, "EC_NO_SESSION", "Session has not been initiated or has expired (code 7010)", permanent: true);

    /// <summary>What a WhatsApp message costs in the sandbox: nothing.</summary>
    public static JsonObject Price() => new() { ["pricePerMessage"] = 0, ["currency"] = "EUR" };

    private static JsonObject Status(int groupId, string groupName, int id, string name, string description) => new()
    {
        ["groupId"] = groupId,
        ["groupName"] = groupName,
        ["id"] = id,
        ["name"] = name,
        ["description"] = description,
    };

    private static JsonObject Error(int groupId, string groupName, int id, string name, string description, bool permanent) => new()
    {
        ["groupId"] = groupId,
        ["groupName"] = groupName,
        ["id"] = id,
        ["name"] = name,
        ["description"] = description,
        ["permanent"] = permanent,
    };
}
