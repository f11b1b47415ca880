using GlossaryLsp.Core.Config;

namespace GlossaryLsp.Server.Workspace;

/// <summary>
/// Why a folder's glossary.yml is not in effect (the previous configuration stays): the line it names
/// (0-based), that line's length in UTF-16 units and the message. Shown as a diagnostic on glossary.yml.
/// </summary>
public sealed record ConfigProblem(int Line, int LineLength, string Message)
{
    /// <summary>The problem of a config file whose text is <paramref name="text"/> (null when it could not be read).</summary>
    public static ConfigProblem From(ConfigException e, string? text)
    {
        int line = Math.Max(e.Line - 1, 0);
        var lines = (text ?? "").Split('\n');
        int length = line < lines.Length ? lines[line].TrimEnd('\r').Length : 0;
        var message = $"{(e.Key is null ? "" : $"'{e.Key}': ")}{e.Reason} (the previous configuration stays in effect)";
        return new ConfigProblem(line < lines.Length ? line : 0, length, message);
    }
}
