namespace JourneyPlugin.Runtime.Storage;

/// <summary>One recorded settlement of a ledger row.</summary>
/// <param name="MessageId">The row.</param>
/// <param name="Decision">The decision.</param>
/// <param name="SendStateBefore">The send state the decision was taken on.</param>
/// <param name="At">When it was recorded.</param>
public sealed record LedgerSettlement(string MessageId, SettlementDecision Decision, LedgerSendState SendStateBefore, DateTimeOffset At);
