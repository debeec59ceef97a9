using System.Collections;

namespace AlmatyPortal.Web.Features.Publishing;

/// <summary>
/// One JSON-LD record for <see cref="StructuredData"/>: names and values, written in the order they were first set; set
/// like a dictionary's (<c>new JsonRecord { ["@type"] = "Place" }</c>), and a name set again keeps its place and takes the
/// new value.
/// </summary>
/// <remarks>
/// A short array searched in order, not a <see cref="Dictionary{TKey,TValue}"/>: a record holds a handful of names, set
/// once and read once, and a conference page writes some thirty records. As dictionaries each hashed every name, and most
/// grew their tables at least once (the Event, with nineteen names, built them four times).
/// </remarks>
public sealed class JsonRecord : IEnumerable<KeyValuePair<string, object?>>
{
    private KeyValuePair<string, object?>[] _fields;
    private int _count;

    /// <summary>A record with room for <paramref name="capacity"/> names before it grows.</summary>
    public JsonRecord(int capacity = 4) => _fields = new KeyValuePair<string, object?>[Math.Max(capacity, 1)];

    /// <summary>How many names are set (a null value counts: <see cref="StructuredData"/> leaves it out when writing).</summary>
    public int Count => _count;

    public object? this[string name]
    {
        set
        {
            if (IndexOf(name) is var i and >= 0)
            {
                _fields[i] = new(name, value);
                return;
            }
            if (_count == _fields.Length)
            {
                Array.Resize(ref _fields, _count * 2);
            }
            _fields[_count++] = new(name, value);
        }
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _fields[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The fields in order, for the writer to walk without an enumerator.</summary>
    internal ReadOnlySpan<KeyValuePair<string, object?>> Fields => _fields.AsSpan(0, _count);

    private int IndexOf(string name)
    {
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_fields[i].Key, name, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }
}
