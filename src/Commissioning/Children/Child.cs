using NodaTime;
using Placements.Commissioning.Auditing;

namespace Placements.Commissioning.Children;

/// <summary>A child or young person with an EHC plan (or being assessed for one).</summary>
public sealed class Child : IAudited
{
    private Child() { }

    public Child(string reference, string givenName, string familyName, LocalDate dateOfBirth, Need primaryNeed, string residentLa)
    {
        Reference = reference;
        GivenName = givenName;
        FamilyName = familyName;
        DateOfBirth = dateOfBirth;
        PrimaryNeed = primaryNeed;
        ResidentLa = residentLa;
    }

    public int Id { get; private set; }
    /// <summary>The council's case reference (<c>child_ref</c>); unique; safe to show on remittances.</summary>
    public string Reference { get; private set; } = "";
    public string GivenName { get; set; } = "";
    public string FamilyName { get; set; } = "";
    public LocalDate DateOfBirth { get; set; }
    public Need PrimaryNeed { get; set; }
    /// <summary>The local authority code where the child lives.</summary>
    public string ResidentLa { get; set; } = "";
    /// <summary>The district of the council the child lives in, when known: where demand for a local place arises.</summary>
    public string? District { get; set; }
    public LocalDate? EhcPlanIssued { get; set; }
    public LocalDate? LastAnnualReview { get; set; }

    /// <summary>Initials only — what remittances, logs and exports show instead of a name.</summary>
    public string Initials => $"{FirstLetter(GivenName)}{FirstLetter(FamilyName)}";

    public string AuditKey => Reference;

    private static string FirstLetter(string name) => string.IsNullOrWhiteSpace(name) ? "" : char.ToUpperInvariant(name.Trim()[0]).ToString();
}
