namespace AlmatyPortal.Web;

/// <summary>Marks the one resource file set of the interface strings (Resources/SharedResource.*.resx); the English text is the key.</summary>
public sealed class SharedResource;
