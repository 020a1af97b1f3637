using System.Runtime.CompilerServices;
using JourneyPlugin.Workflows.Abstractions;
using JourneyPlugin.Workflows.Descriptors;
using JourneyPlugin.Workflows.Models;

namespace JourneyPlugin.Workflows.Execution;

/// <summary>
/// The inputs and outputs of one configured activity, by name: read once per activity (the activities of
/// a loaded journey are shared by all its instances and not changed once loaded), where finding an
/// input's name read every input property through reflection on each evaluation, for every customer.
/// </summary>
internal sealed class ActivityPorts
{
    private static readonly ConditionalWeakTable<IActivity, ActivityPorts> Cache = [];

    private readonly Dictionary<Input, string> _inputNames = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Output, string> _outputNames = new(ReferenceEqualityComparer.Instance);
    private readonly List<(Input Input, string Name)> _autoEvaluated = [];

    private ActivityPorts(IActivity activity, ActivityDescriptor descriptor)
    {
        foreach (var input in descriptor.Inputs)
        {
            if (input.IsWrapped && input.Property.GetValue(activity) is Input value)
            {
                _inputNames.TryAdd(value, input.Name);
                if (input.AutoEvaluate)
                {
                    _autoEvaluated.Add((value, input.Name));
                }
            }
        }

        foreach (var output in descriptor.Outputs)
        {
            if (output.Property.GetValue(activity) is Output value)
            {
                _outputNames.TryAdd(value, output.Name);
            }
        }
    }

    /// <summary>The inputs the runner evaluates before the activity runs, in the descriptor's order.</summary>
    public IReadOnlyList<(Input Input, string Name)> AutoEvaluated => _autoEvaluated;

    public static ActivityPorts Of(IActivity activity, ActivityDescriptor descriptor) =>
        Cache.GetValue(activity, a => new ActivityPorts(a, descriptor));

    public string? NameOf(Input input) => _inputNames.GetValueOrDefault(input);

    public string? NameOf(Output output) => _outputNames.GetValueOrDefault(output);
}
