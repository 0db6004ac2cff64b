namespace Placements.Commissioning;

/// <summary>
/// A named business rule was broken. <see cref="Rule"/> is the rule's name
/// (e.g. <c>PlacementDatesMustNotOverlap</c>) so tests and pages can tell rules apart
/// without parsing messages; <see cref="Exception.Message"/> is written for the user.
/// </summary>
public class DomainRuleException(string rule, string message) : Exception(message)
{
    public string Rule { get; } = rule;
}
