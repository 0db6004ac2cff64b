namespace Placements.Finance.Payments;

/// <summary>What a payment line pays (interchange.md, payment lines).</summary>
public enum PaymentKind
{
    /// <summary>The run month's own top-up on today's data: rounded cumulative through the month − through the month before.</summary>
    TopUp,

    /// <summary>The rest of what is owed: changes to months already paid (negative = a recovery), always with a reason.</summary>
    Adjustment,

    /// <summary>An approved invoice line for a fee-paid placement (independent schools; see the invoices issue).</summary>
    Fee,
}

/// <summary>How a payment kind is named to people (remittances, pages).</summary>
public static class PaymentKinds
{
    public static string Label(this PaymentKind kind) => kind switch
    {
        PaymentKind.TopUp => "Top-up",
        PaymentKind.Fee => "Fee (invoice)",
        _ => kind.ToString(),
    };
}
