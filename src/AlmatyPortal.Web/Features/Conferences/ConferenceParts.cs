using AlmatyPortal.Web.Features.Organisations;

namespace AlmatyPortal.Web.Features.Conferences;

/// <summary>The part an organisation played in a conference.</summary>
public enum OrganisationRole
{
    Organiser = 0,
    InCooperationWith = 1,
    SupportedBy = 2,
    Host = 3,
    Funder = 4,
}

/// <summary>An organisation's role in one conference.</summary>
public sealed class ConferenceOrganisation
{
    public int ConferenceId { get; set; }
    public int OrganisationId { get; set; }
    public Organisation Organisation { get; set; } = null!;
    public OrganisationRole Role { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>A person who spoke at a conference, with the title they held then.</summary>
public sealed class ConferenceSpeaker
{
    public int ConferenceId { get; set; }
    public int PersonId { get; set; }
    public Person Person { get; set; } = null!;
    public string Title { get; set; } = "";

    /// <summary>Where or how they spoke, e.g. "opening session".</summary>
    public string? Session { get; set; }

    public int SortOrder { get; set; }
}

/// <summary>A country whose delegation took part.</summary>
public sealed class ConferenceCountry
{
    public int ConferenceId { get; set; }
    public int CountryId { get; set; }
    public Country Country { get; set; } = null!;
    public int SortOrder { get; set; }
}

/// <summary>One topic on a conference's agenda.</summary>
public sealed class ConferenceTopic
{
    public int Id { get; set; }
    public int ConferenceId { get; set; }
    public string Text { get; set; } = "";
    public int SortOrder { get; set; }
}

/// <summary>A document a conference produced, such as the Almaty Declaration.</summary>
public sealed class OutcomeDocument
{
    public int Id { get; set; }
    public int ConferenceId { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>Where the full text can be read, when it is published.</summary>
    public string? Url { get; set; }

    public int SortOrder { get; set; }
}

/// <summary>A country, identified by its ISO 3166-1 codes.</summary>
public sealed class Country
{
    public int Id { get; set; }
    public string IsoAlpha2 { get; set; } = "";
    public string IsoAlpha3 { get; set; } = "";
    public string Name { get; set; } = "";
}

/// <summary>A named person, such as a conference speaker.</summary>
public sealed class Person
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
}
