namespace JourneyPlugin.Workflows.Validation;

/// <summary>Checks what only an activity's module knows (e.g. a WhatsApp template against the vendor's catalogue).</summary>
public interface IActivityValidator
{
    /// <summary>Whether this validator checks activities of <paramref name="typeName"/>.</summary>
    bool CanValidate(string typeName);

    /// <summary>Reports the activity's problems through <see cref="ActivityValidationContext.Report"/>.</summary>
    ValueTask ValidateAsync(ActivityValidationContext context, CancellationToken cancellationToken);
}
