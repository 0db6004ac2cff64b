namespace Placements.Commissioning.Interchange;

/// <summary>
/// The files of one import, by file name: a folder on disk (the CLI) or files uploaded through a page.
/// Names are matched case-insensitively (<c>Providers.CSV</c> is <c>providers.csv</c>).
/// </summary>
public interface IImportSource
{
    /// <summary>The names of the files offered, without any folder.</summary>
    IReadOnlyCollection<string> FileNames { get; }

    /// <summary>Opens one of <see cref="FileNames"/> for reading; the caller disposes the stream.</summary>
    Stream Open(string fileName);
}

/// <summary>The <c>.csv</c> files directly inside a folder.</summary>
public sealed class FolderImportSource : IImportSource
{
    private readonly string _folder;

    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public FolderImportSource(string folder)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"The folder '{folder}' does not exist.");
        _folder = folder;
        FileNames = Directory.EnumerateFiles(folder, "*", SearchOption.TopDirectoryOnly)
            .Select(Path.GetFileName).OfType<string>()
            .Where(n => n.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToList();
    }

    public IReadOnlyCollection<string> FileNames { get; }

    public Stream Open(string fileName) => File.OpenRead(Path.Combine(_folder, fileName));
}

/// <summary>Files held in memory, e.g. uploaded through the import page.</summary>
public sealed class InMemoryImportSource(IReadOnlyDictionary<string, byte[]> files) : IImportSource
{
    public IReadOnlyCollection<string> FileNames => files.Keys.ToList();

    public Stream Open(string fileName) => new MemoryStream(files[fileName], writable: false);
}
