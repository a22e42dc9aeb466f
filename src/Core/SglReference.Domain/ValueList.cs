using System.Collections;
using System.Collections.Immutable;

namespace SglReference.Domain;

/// <summary>
/// An immutable list with value equality, so that records holding lists compare by content
/// (two readers of the same report produce equal models).
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public readonly struct ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly ImmutableArray<T> _items;

    /// <summary>Creates a list holding <paramref name="items"/> in order.</summary>
    public ValueList(IEnumerable<T> items) => _items = [.. items];

    private ValueList(ImmutableArray<T> items) => _items = items;

    /// <summary>The empty list.</summary>
    public static ValueList<T> Empty => new(ImmutableArray<T>.Empty);

    /// <inheritdoc />
    public int Count => _items.IsDefault ? 0 : _items.Length;

    /// <summary>True when the list has no element.</summary>
    public bool IsEmpty => Count == 0;

    /// <inheritdoc />
    public T this[int index] => _items[index];

    /// <summary>Returns the elements as an immutable array.</summary>
    public ImmutableArray<T> AsImmutableArray() => _items.IsDefault ? [] : _items;

    /// <summary>Builds a list from a collection expression or an array.</summary>
    public static ValueList<T> Of(params ReadOnlySpan<T> items) => new([.. items]);

    /// <inheritdoc />
    public ImmutableArray<T>.Enumerator GetEnumerator() => AsImmutableArray().GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)AsImmutableArray()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)AsImmutableArray()).GetEnumerator();

    /// <inheritdoc />
    public bool Equals(ValueList<T> other) => AsImmutableArray().SequenceEqual(other.AsImmutableArray());

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in AsImmutableArray())
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>Compares two lists by content.</summary>
    public static bool operator ==(ValueList<T> left, ValueList<T> right) => left.Equals(right);

    /// <summary>Compares two lists by content.</summary>
    public static bool operator !=(ValueList<T> left, ValueList<T> right) => !left.Equals(right);

    /// <summary>Wraps an array.</summary>
    public static implicit operator ValueList<T>(T[] items) => new(items);

    /// <inheritdoc />
    public override string ToString() => $"[{string.Join(", ", AsImmutableArray())}]";
}
