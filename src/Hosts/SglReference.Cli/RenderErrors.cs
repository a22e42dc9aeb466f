using SglReference.Engine;

namespace SglReference.Cli;

/// <summary>Turns the engine's input refusals into the CLI's invalid-input exit (2, every error on stderr).</summary>
internal static class RenderErrors
{
    public static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (RenderException ex)
        {
            throw new InvalidInputException(ex.Errors);
        }
    }
}
