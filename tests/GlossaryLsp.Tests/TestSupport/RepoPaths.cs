namespace GlossaryLsp.Tests.TestSupport;

/// <summary>Locates the repository (the folder holding GlossaryLsp.sln) and the shared data beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared, beside the repository (read-only data: corpora, tools, seeds).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string TechGlossaryOutput => Path.Combine(Shared, "corpora", "tech_glossary", "output");
    public static string TechGlossaryInput => Path.Combine(Shared, "corpora", "tech_glossary", "input-github");
    public static string Content => Path.Combine(Root, "content");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GlossaryLsp.sln"))) return dir.FullName;
        throw new InvalidOperationException("GlossaryLsp.sln not found above " + AppContext.BaseDirectory);
    }
}
