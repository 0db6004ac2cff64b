using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning.Persistence;

namespace Placements.Commissioning.Placements;

/// <summary>What a commissioner proposes: a child at a provider from a start date.</summary>
public sealed record PlacementProposal(
    string ChildReference,
    string ProviderReference,
    LocalDate Start,
    LocalDate? End,
    Attendance Attendance,
    string ResponsibleLa,
    OutOfAreaReason? OutOfAreaReason,
    bool DualRegistration);

/// <summary>The proposal saved, with advice (age range, designation) that never stops it.</summary>
public sealed record ProposedPlacement(string Reference, IReadOnlyList<string> Warnings);

/// <summary>
/// Proposes a placement: it takes the child's next reference (<c>{child}-{n}</c>) and starts as Proposed.
/// Proposals are not checked for overlap or capacity — that happens when one is agreed.
/// </summary>
public sealed class ProposePlacement(CommissioningDb db)
{
    /// <exception cref="DomainRuleException">
    /// <c>ChildMustExist</c>, <c>ProviderMustExist</c>, <c>ResponsibleLaIsRequired</c>,
    /// <see cref="PlacementRules.PlacementMustNotEndBeforeItStarts"/>.
    /// </exception>
    public async Task<ProposedPlacement> ExecuteAsync(PlacementProposal proposal, CancellationToken cancellationToken = default)
    {
        var child = await db.Children.SingleOrDefaultAsync(c => c.Reference == proposal.ChildReference, cancellationToken)
            ?? throw new DomainRuleException("ChildMustExist", $"There is no child {proposal.ChildReference}.");
        var provider = await db.Providers.SingleOrDefaultAsync(p => p.Reference == proposal.ProviderReference, cancellationToken)
            ?? throw new DomainRuleException("ProviderMustExist", "Choose a provider from the list.");
        if (string.IsNullOrWhiteSpace(proposal.ResponsibleLa))
            throw new DomainRuleException("ResponsibleLaIsRequired", "Enter the code of the responsible local authority.");

        var reference = PlacementLifecycle.NextReference(child.Reference,
            await db.Placements.Where(p => p.ChildId == child.Id).Select(p => p.Reference).ToListAsync(cancellationToken));
        // A reference taken by an imported placement of another child is skipped.
        while (await db.Placements.AnyAsync(p => p.Reference == reference, cancellationToken))
            reference = PlacementLifecycle.NextReference(child.Reference, [reference]);

        db.Placements.Add(new Placement(reference, child.Id, provider.Id, proposal.Start, proposal.End, proposal.ResponsibleLa)
        {
            Attendance = proposal.Attendance,
            OutOfAreaReason = proposal.OutOfAreaReason,
            DualRegistration = proposal.DualRegistration,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new ProposedPlacement(reference, PlacementRules.Warnings(provider, child, proposal.Start));
    }
}
