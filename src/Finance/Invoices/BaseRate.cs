using NodaTime;

namespace Placements.Finance.Invoices;

/// <summary>
/// The Bank of England base rate from <see cref="EffectiveFrom"/>, in basis points (4.00% = 400): a dated table, because
/// statutory late-payment interest is base rate + 8% (Late Payment of Commercial Debts (Interest) Act 1998).
/// </summary>
public sealed class BaseRate
{
    private BaseRate() { }

    public BaseRate(LocalDate effectiveFrom, int basisPoints)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(basisPoints);
        (EffectiveFrom, BasisPoints) = (effectiveFrom, basisPoints);
    }

    public int Id { get; private set; }
    public LocalDate EffectiveFrom { get; private set; }
    public int BasisPoints { get; private set; }
}

/// <summary>
/// An approved invoice line taken into a payment run: written with the run's lines, and unique per invoice line, so the
/// database refuses to pay a line twice. A draft run's rows are replaced when it is recomputed.
/// </summary>
public sealed class InvoicePayment
{
    private InvoicePayment() { }

    public InvoicePayment(int paymentRunId, long invoiceLineId, int placementId, Money amount)
    {
        (PaymentRunId, InvoiceLineId, PlacementId, Amount) = (paymentRunId, invoiceLineId, placementId, amount);
    }

    public long Id { get; private set; }
    public int PaymentRunId { get; private set; }
    public long InvoiceLineId { get; private set; }
    public int PlacementId { get; private set; }
    public Money Amount { get; private set; }
}
