using Placements.Finance.Invoices.Calculation;

namespace Placements.Finance.Invoices;

/// <summary>The council's invoice settings (<c>Invoices:*</c>).</summary>
/// <param name="Tolerance">How far a line may differ from the agreement and still be ready to approve.</param>
/// <param name="DueSoonDays">An unpaid invoice due within this many days is "due soon" (default 7).</param>
public sealed record InvoiceSettings(InvoiceTolerance Tolerance, int DueSoonDays = 7)
{
    public static InvoiceSettings Default { get; } = new(InvoiceTolerance.Default);
}
