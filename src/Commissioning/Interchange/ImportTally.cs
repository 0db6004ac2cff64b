namespace Placements.Commissioning.Interchange;

public enum RowChange
{
    Created,
    Updated,
    Unchanged,
}

/// <summary>What an import did with one file's rows: how many were created, updated and left unchanged.</summary>
public sealed class ImportTally(string file)
{
    public string File { get; } = file;
    public int Created { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }
    public int Rows => Created + Updated + Unchanged;

    public void Count(RowChange change)
    {
        switch (change)
        {
            case RowChange.Created: Created++; break;
            case RowChange.Updated: Updated++; break;
            default: Unchanged++; break;
        }
    }

    /// <summary>A row counted unchanged turned out to have changed in another module (e.g. a provider's funding terms).</summary>
    public void MarkUnchangedAsUpdated()
    {
        if (Unchanged == 0) throw new InvalidOperationException($"No unchanged row of {File} is left to mark updated.");
        Unchanged--;
        Updated++;
    }

    public override string ToString() => $"{File}: {Created} created, {Updated} updated, {Unchanged} unchanged";
}
