using JourneyPlugin.Infobip;

namespace JourneyPlugin.Server.Connections;

/// <summary>The answer to an accepted Quick Test: the vendor's answer as is, and our reading of it.</summary>
internal sealed record QuickTestResponse(bool Accepted, string Reading, string MessageId, string To, InfobipMessageStatus? VendorStatus, object? VendorResponse, int? HttpStatus)
{
    public static QuickTestResponse From(QuickTestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new QuickTestResponse(result.Accepted, result.Reading, result.MessageId, result.To, result.VendorStatus, VendorProblem.AsIs(result.VendorResponse), result.HttpStatus);
    }
}
