namespace GlossaryLsp.Core.Config;

/// <summary>A bad <c>glossary.yml</c>: names the file, the 1-based line and the key.</summary>
public sealed class ConfigException(string file, int line, string? key, string message)
    : Exception($"{file}:{line}: {(key is null ? "" : $"'{key}': ")}{message}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string? Key { get; } = key;
    public string Reason { get; } = message;
}
