namespace Placements.Commissioning.Interchange;

/// <summary>
/// One problem found in an import file, written <c>file:line: column: message</c>. <see cref="Line"/> is the
/// physical line of the file (the header is line 1); <see cref="Column"/> is the column's name as the format
/// spells it, or <c>(file)</c> for a problem with the file as a whole. Messages quote references, never names.
/// </summary>
public sealed record ImportError(string File, int Line, string Column, string Message)
{
    public const string WholeFile = "(file)";

    public override string ToString() => $"{File}:{Line}: {Column}: {Message}";
}

/// <summary>Every problem of one import, collected in file and line order so that all are reported, not just the first.</summary>
public sealed class ImportErrors
{
    private readonly List<ImportError> _errors = [];

    public void Add(string file, int line, string column, string message) => _errors.Add(new(file, line, column, message));

    public bool Any => _errors.Count > 0;
    public int Count => _errors.Count;

    /// <summary>The errors sorted by file, line and the order they were found in.</summary>
    public IReadOnlyList<ImportError> Sorted() =>
        _errors.Select((e, i) => (e, i)).OrderBy(x => x.e.File, StringComparer.Ordinal).ThenBy(x => x.e.Line).ThenBy(x => x.i).Select(x => x.e).ToList();
}
