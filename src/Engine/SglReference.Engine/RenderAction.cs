namespace SglReference.Engine;

/// <summary>What a render asks for.</summary>
public enum RenderAction
{
    /// <summary>Publish the report: its first issue, or the replacement of what was issued before.</summary>
    Publish,

    /// <summary>Withdraw what was issued: the deletion messages of the last issued version of each chain.</summary>
    Withdraw,
}
