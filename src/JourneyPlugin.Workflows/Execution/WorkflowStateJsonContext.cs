using System.Text.Json.Serialization;

namespace JourneyPlugin.Workflows.Execution;

/// <summary>
/// Source-generated JSON for <see cref="WorkflowState"/>, with the serializer's default options: the same
/// JSON as <see cref="System.Text.Json.JsonSerializer"/> without a context writes and reads (states saved
/// before stay readable), written by generated code instead of through reflection-built converters, twice
/// for every campaign message (its enrolment and its last save).
/// </summary>
[JsonSerializable(typeof(WorkflowState))]
internal sealed partial class WorkflowStateJsonContext : JsonSerializerContext;
