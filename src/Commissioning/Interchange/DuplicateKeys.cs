namespace Placements.Commissioning.Interchange;

/// <summary>Finds keys that appear twice in one file, reporting the second and later rows with the line of the first.</summary>
public sealed class DuplicateKeys<TKey>(string column) where TKey : notnull
{
    private readonly Dictionary<TKey, int> _firstLine = [];

    /// <summary>False (with an error) when <paramref name="key"/> was already on an earlier row.</summary>
    public bool IsFirst(RowReader row, TKey key, string describe)
    {
        if (_firstLine.TryAdd(key, row.Line)) return true;
        row.Error(column, $"{describe} appears again (first on line {_firstLine[key]}); each key may appear once per file");
        return false;
    }
}
