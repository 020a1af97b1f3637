using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text;
using System.Text.Json;
using JourneyPlugin.Workflows.Abstractions;
using JourneyPlugin.Workflows.Attributes;
using JourneyPlugin.Workflows.Models;

namespace JourneyPlugin.Workflows.Descriptors;

/// <summary>Builds an <see cref="ActivityDescriptor"/> from an activity class, following Elsa's rules.</summary>
public static class ActivityDescriber
{
    /// <summary>Describes <paramref name="activityType"/>, which must implement <see cref="IActivity"/> and have a parameterless constructor.</summary>
    public static ActivityDescriptor Describe(Type activityType)
    {
        ArgumentNullException.ThrowIfNull(activityType);
        if (!typeof(IActivity).IsAssignableFrom(activityType) || activityType.IsAbstract || activityType.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new ArgumentException($"{activityType} is not a concrete activity with a parameterless constructor.", nameof(activityType));
        }

        var attribute = activityType.GetCustomAttribute<ActivityAttribute>(inherit: false);
        var (typeName, version) = ActivityTypeName.Of(activityType);
        var ns = typeName.Contains('.', StringComparison.Ordinal) ? typeName[..typeName.LastIndexOf('.')] : string.Empty;
        var name = typeName[(typeName.LastIndexOf('.') + 1)..];
        var isStart = typeof(IStartNode).IsAssignableFrom(activityType);
        var isTerminal = typeof(ITerminalNode).IsAssignableFrom(activityType);
        var flowNode = activityType.GetCustomAttribute<FlowNodeAttribute>(inherit: true);
        IReadOnlyList<PortDescriptor> ports = isTerminal
            ? []
            : (flowNode?.Outcomes ?? [Outcomes.Done]).Select(o => new PortDescriptor(o, o)).ToList();

        return new ActivityDescriptor
        {
            TypeName = typeName,
            Namespace = ns,
            Name = name,
            Version = version,
            Category = attribute?.Category ?? (ns.Length > 0 ? ns[(ns.LastIndexOf('.') + 1)..] : "Miscellaneous"),
            DisplayName = attribute?.DisplayName ?? Humanize(name),
            Description = attribute?.Description,
            Kind = attribute?.Kind ?? ActivityKind.Action,
            Inputs = DescribeInputs(activityType),
            Outputs = DescribeOutputs(activityType),
            Ports = ports,
            IsStart = isStart,
            IsTerminal = isTerminal,
            MaySuspend = activityType.GetCustomAttribute<MaySuspendAttribute>(inherit: true) is not null,
            ClrType = activityType,
            Constructor = () => (IActivity)Activator.CreateInstance(activityType)!,
        };
    }

    private static List<InputDescriptor> DescribeInputs(Type activityType)
    {
        var inputs = new List<InputDescriptor>();
        foreach (var property in activityType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var attribute = property.GetCustomAttribute<InputAttribute>();
            var isWrapped = property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(Input<>);
            if (!isWrapped && attribute is null)
            {
                continue;
            }

            var valueType = isWrapped ? property.PropertyType.GetGenericArguments()[0] : property.PropertyType;
            inputs.Add(new InputDescriptor
            {
                Name = attribute?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name),
                TypeName = TypeAliases.Of(valueType),
                DisplayName = attribute?.DisplayName ?? Humanize(property.Name),
                Description = attribute?.Description,
                Category = attribute?.Category,
                UIHint = attribute?.UIHint ?? DefaultUIHint(valueType),
                IsWrapped = isWrapped,
                IsRequired = property.GetCustomAttribute<RequiredAttribute>() is not null,
                DefaultValue = attribute?.DefaultValue,
                DefaultSyntax = attribute?.DefaultSyntax ?? (isWrapped ? ExpressionTypes.Literal : null),
                Options = attribute?.Options ?? EnumNames(valueType),
                Order = attribute?.Order ?? 0,
                IsBrowsable = attribute?.IsBrowsable ?? true,
                AutoEvaluate = attribute?.AutoEvaluate ?? true,
                IsSensitive = attribute?.IsSensitive ?? false,
                Property = property,
                ValueType = valueType,
            });
        }

        return inputs;
    }

    private static List<OutputDescriptor> DescribeOutputs(Type activityType) =>
        activityType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(Output<>))
            .Select(p =>
            {
                var attribute = p.GetCustomAttribute<OutputAttribute>();
                var valueType = p.PropertyType.GetGenericArguments()[0];
                return new OutputDescriptor
                {
                    Name = attribute?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                    TypeName = TypeAliases.Of(valueType),
                    DisplayName = attribute?.DisplayName ?? Humanize(p.Name),
                    Description = attribute?.Description,
                    IsBrowsable = attribute?.IsBrowsable ?? true,
                    Property = p,
                    ValueType = valueType,
                };
            })
            .ToList();

    private static string[]? EnumNames(Type valueType)
    {
        var type = Nullable.GetUnderlyingType(valueType) ?? valueType;
        return type.IsEnum ? type.GetEnumNames() : null;
    }

    private static string DefaultUIHint(Type valueType)
    {
        var type = Nullable.GetUnderlyingType(valueType) ?? valueType;
        if (type == typeof(bool))
        {
            return UIHints.Checkbox;
        }

        if (type == typeof(TimeSpan))
        {
            return UIHints.Duration;
        }

        if (type.IsEnum || (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) && !type.Namespace!.StartsWith("System.Text.Json", StringComparison.Ordinal)))
        {
            return UIHints.Dropdown;
        }

        return UIHints.SingleLine;
    }

    private static string Humanize(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                builder.Append(' ');
            }

            builder.Append(name[i]);
        }

        return builder.ToString();
    }
}
