using Placements.Finance.Invoices;
using Placements.Finance.Invoices.Queries;

namespace Placements.Web.Pages.Invoices;

/// <summary>How the invoice pages show states and statuses: a GOV.UK tag each, in words a finance officer uses.</summary>
public static class InvoiceDisplay
{
    public static string Label(this InvoiceState state) => state switch
    {
        InvoiceState.ToMatch => "To match",
        InvoiceState.Queried => "Queried",
        InvoiceState.ToApprove => "To approve",
        InvoiceState.AwaitingPayment => "Awaiting payment",
        InvoiceState.Paid => "Paid",
        _ => "Rejected",
    };

    public static string TagClass(this InvoiceState state) => state switch
    {
        InvoiceState.ToMatch => "govuk-tag govuk-tag--orange",
        InvoiceState.Queried => "govuk-tag govuk-tag--red",
        InvoiceState.ToApprove => "govuk-tag govuk-tag--yellow",
        InvoiceState.AwaitingPayment => "govuk-tag govuk-tag--blue",
        InvoiceState.Paid => "govuk-tag govuk-tag--green",
        _ => "govuk-tag govuk-tag--grey",
    };

    public static string Label(this InvoiceLineStatus status) => status switch
    {
        InvoiceLineStatus.Unmatched => "Unmatched",
        InvoiceLineStatus.Queried => "Queried",
        InvoiceLineStatus.ReadyToApprove => "Ready to approve",
        InvoiceLineStatus.Approved => "Approved",
        InvoiceLineStatus.PartlyApproved => "Partly approved",
        InvoiceLineStatus.Rejected => "Rejected",
        _ => "Applied to invoice",
    };

    public static string TagClass(this InvoiceLineStatus status) => status switch
    {
        InvoiceLineStatus.Unmatched => "govuk-tag govuk-tag--orange",
        InvoiceLineStatus.Queried => "govuk-tag govuk-tag--red",
        InvoiceLineStatus.ReadyToApprove => "govuk-tag govuk-tag--yellow",
        InvoiceLineStatus.Approved => "govuk-tag govuk-tag--green",
        InvoiceLineStatus.PartlyApproved => "govuk-tag govuk-tag--turquoise",
        InvoiceLineStatus.Rejected => "govuk-tag govuk-tag--grey",
        _ => "govuk-tag govuk-tag--blue",
    };

    public static string Label(this InvoiceKind kind) => kind == InvoiceKind.CreditNote ? "Credit note" : "Invoice";
}
