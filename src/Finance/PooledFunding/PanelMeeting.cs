using NodaTime;
using Placements.Commissioning;
using Placements.Commissioning.Auditing;

namespace Placements.Finance.PooledFunding;

/// <summary>A Joint Resources Panel meeting: its date, the members present by partner, and the agenda (the referrals placed on it).</summary>
public sealed class PanelMeeting : IAudited
{
    private readonly List<PanelMemberPresent> _members = [];

    private PanelMeeting() { }

    public PanelMeeting(LocalDate date, string? location) => (Date, Location) = (date, string.IsNullOrWhiteSpace(location) ? null : location.Trim());

    public int Id { get; private set; }
    public LocalDate Date { get; private set; }
    public string? Location { get; private set; }
    public IReadOnlyList<PanelMemberPresent> Members => _members;

    public string AuditKey => $"panel meeting {Date:yyyy-MM-dd}";

    /// <exception cref="DomainRuleException"><c>MemberNeedsAName</c>, <c>MemberAlreadyPresent</c>.</exception>
    public PanelMemberPresent RecordPresent(string name, Partner partner, string? role)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainRuleException("MemberNeedsAName", "Enter the member's name.");
        if (_members.Any(m => string.Equals(m.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)))
            throw new DomainRuleException("MemberAlreadyPresent", $"{name.Trim()} is already recorded as present.");
        var member = new PanelMemberPresent(name.Trim(), partner, string.IsNullOrWhiteSpace(role) ? null : role.Trim());
        _members.Add(member);
        return member;
    }

    /// <summary>Whether every partner asked to contribute is represented: the panel should not split a cost to an absent partner.</summary>
    public bool Represents(Partner partner) => _members.Any(m => m.Partner == partner);
}

/// <summary>A member present at a meeting, by partner (education, health, social care).</summary>
public sealed class PanelMemberPresent
{
    private PanelMemberPresent() { }

    internal PanelMemberPresent(string name, Partner partner, string? role) => (Name, Partner, Role) = (name, partner, role);

    public int Id { get; private set; }
    public int PanelMeetingId { get; private set; }
    public string Name { get; private set; } = "";
    public Partner Partner { get; private set; }
    public string? Role { get; private set; }
}
