using System.Text.Json.Nodes;

namespace JourneyPlugin.Server.Cli.DryRun;

/// <summary>A customer of a dry run: their number, profile and replies.</summary>
/// <param name="Phone">The number as written in the script.</param>
/// <param name="Digits">The number as WhatsApp has it: country code and digits.</param>
/// <param name="Attributes">The profile journeys see as <c>customer.*</c> (with <c>phone</c>).</param>
/// <param name="Replies">What the customer writes, in order.</param>
internal sealed record ScriptedCustomer(string Phone, string Digits, JsonObject Attributes, IReadOnlyList<ScriptedReply> Replies);
