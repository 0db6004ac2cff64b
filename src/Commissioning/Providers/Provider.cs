using Placements.Commissioning.Auditing;
using Placements.Commissioning.Children;

namespace Placements.Commissioning.Providers;

/// <summary>A school or setting where children are placed: a special school, a resourced provision, an independent school.</summary>
public sealed class Provider : IAudited
{
    private Provider() { }

    public Provider(string reference, string name, ProvisionType provisionType, string laCode, Phase phase)
    {
        Reference = Require(reference, nameof(reference));
        Name = Require(name, nameof(name));
        ProvisionType = provisionType;
        LaCode = Require(laCode, nameof(laCode));
        Phase = phase;
    }

    public int Id { get; private set; }
    /// <summary>The council's own reference for the provider (<c>provider_ref</c> in imports); unique.</summary>
    public string Reference { get; private set; } = "";
    public string Name { get; set; } = "";
    public ProvisionType ProvisionType { get; set; }
    /// <summary>Unique reference number from Get Information About Schools, where the setting has one.</summary>
    public string? Urn { get; set; }
    public string? Ukprn { get; set; }
    /// <summary>The three-digit code of the local authority the provider is in (the provider LA).</summary>
    public string LaCode { get; set; } = "";
    public string? District { get; set; }
    public Phase Phase { get; set; }
    /// <summary>Youngest and oldest age taken (in years, on 31 August); null when not recorded.</summary>
    public int? AgeFrom { get; set; }
    public int? AgeTo { get; set; }
    /// <summary>Needs the provision is designated for; empty means any need.</summary>
    public List<Need> DesignatedNeeds { get; set; } = [];

    public string AuditKey => Reference;

    private static string Require(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} is required.", name) : value.Trim();
}
