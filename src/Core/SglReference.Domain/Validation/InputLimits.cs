namespace SglReference.Domain.Validation;

/// <summary>Limits that protect readers from hostile or broken input (documented defaults, overridable).</summary>
/// <param name="MaxBytes">Largest input accepted.</param>
/// <param name="MaxDepth">Deepest JSON nesting accepted.</param>
public sealed record InputLimits(int MaxBytes = 32 * 1024 * 1024, int MaxDepth = 64)
{
    /// <summary>32 MiB, depth 64: a 300-result report is about 200 KiB and depth 12.</summary>
    public static InputLimits Default { get; } = new();
}
