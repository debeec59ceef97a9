namespace AlmatyPortal.Tests.Support;

/// <summary>
/// A class fixture: a portal over its own copy of content/, to which the fixture's constructor adds files. The portal
/// is made on first use, after those files are written, so its start-up import reads them.
/// </summary>
public abstract class ContentPortal : IDisposable
{
    private readonly IDictionary<string, string?>? _settings;
    private readonly PortalDatabase _database;
    private PortalFactory? _factory;

    protected ContentPortal(IDictionary<string, string?>? settings = null, PortalDatabase database = PortalDatabase.Sqlite)
    {
        _settings = settings;
        _database = database;
    }

    public ContentFolder Content { get; } = new();

    public PortalFactory Factory => _factory ??= new PortalFactory(Content.Path, _settings, _database);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _factory?.Dispose();
            Content.Dispose();
        }
    }
}
