namespace Placements.Finance.Invoices.Calculation;

/// <summary>
/// How far an invoice line may differ from what was agreed and still be ready to approve: the greater of an absolute
/// amount and a percentage of the expected amount (settings <c>Invoices:Tolerance:Amount</c>, <c>Invoices:Tolerance:Percent</c>).
/// </summary>
public sealed record InvoiceTolerance(Money Absolute, decimal Percent)
{
    /// <summary>£5.00 or 0.5%, whichever is greater.</summary>
    public static InvoiceTolerance Default { get; } = new(Money.FromPence(500), 0.5m);
}

/// <summary>The status a matched line gets, and the query's reason when it is beyond the tolerance.</summary>
public sealed record MatchDecision(InvoiceLineStatus Status, string? Reason);

/// <summary>Pure: variance = net invoiced − expected; within the tolerance → ready to approve; beyond → queried with a reason.</summary>
public static class InvoiceMatch
{
    /// <summary>The tolerance for an expected amount, rounded half away from zero to the penny.</summary>
    public static Money Allowed(Money expected, InvoiceTolerance tolerance)
    {
        ArgumentNullException.ThrowIfNull(tolerance);
        var share = expected.Abs().Multiply(tolerance.Percent / 100m, MoneyRounding.HalfAwayFromZero);
        return share > tolerance.Absolute ? share : tolerance.Absolute;
    }

    /// <summary>E.g. Queried, "£120.00 more than the agreement's £11,408.80 (tolerance £57.04)".</summary>
    /// <remarks>A variance exactly at the tolerance is within it.</remarks>
    public static MatchDecision Decide(Money netInvoiced, Money expected, InvoiceTolerance tolerance)
    {
        var allowed = Allowed(expected, tolerance);
        var variance = netInvoiced - expected;
        if (variance.Abs() <= allowed) return new(InvoiceLineStatus.ReadyToApprove, null);
        var direction = variance.IsNegative ? "less" : "more";
        return new(InvoiceLineStatus.Queried, $"{variance.Abs()} {direction} than the agreement's {expected} (tolerance {allowed})");
    }
}
