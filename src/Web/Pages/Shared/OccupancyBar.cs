namespace Placements.Web.Pages.Shared;

/// <summary>An occupancy bar: filled against places, with the text that carries its meaning (e.g. "38 of 40 places filled").</summary>
public sealed record OccupancyBar(int Filled, int Places)
{
    public bool OverFull => Filled > Places;
    public bool Full => Places > 0 && Filled == Places;

    /// <summary>Width of the fill, capped at the bar's end; an over-full provider is shown by its colour and text.</summary>
    public int Percent => Places == 0 ? 0 : Math.Min(100, (int)Math.Round(100.0 * Filled / Places));

    public string Modifier => OverFull ? "app-occupancy--over" : Full ? "app-occupancy--full" : "";

    public string Text => Places == 0
        ? $"No commissioned places ({Display.Count(Filled)} placed)"
        : OverFull
            ? $"{Display.Count(Filled)} of {Display.Count(Places)} places filled: {Display.Count(Filled - Places)} over"
            : $"{Display.Count(Filled)} of {Display.Count(Places)} places filled";
}
