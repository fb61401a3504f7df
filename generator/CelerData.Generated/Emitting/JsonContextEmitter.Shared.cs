using System.Text;

namespace CelerData.Generated.Emitting;

/// <summary>
/// The helpers every JSON context of a compilation calls (the start and the properties of an object, the list and
/// dictionary loops, the converter over generated methods, the error paths), written once per compilation as an
/// internal static class that each context imports with <c>using static</c>. Its name carries the assembly's name,
/// so an assembly that sees another's internals (InternalsVisibleTo) never finds two classes of one name.
/// </summary>
internal static partial class JsonContextEmitter
{
    /// <summary>The hint name of the helpers' file.</summary>
    public const string HelpersHintName = "CelerData.Generated.JsonHelpers.g.cs";

    private const string HelpersNamespace = "CelerData.Generated.Internal";

    /// <summary>The helpers' class name for an assembly: <c>__JsonHelpers_</c> and the assembly name as an identifier.</summary>
    public static string HelpersClass(string assemblyName)
    {
        var builder = new StringBuilder("__JsonHelpers_");
        foreach (var c in assemblyName)
        {
            builder.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') ? c : '_');
        }

        return builder.ToString();
    }

    /// <summary>The <c>using static</c> directive a context's file opens with.</summary>
    private static string HelpersImport(string helpersClass) => "using static global::" + HelpersNamespace + "." + helpersClass + ";";

    /// <summary>The helpers' file: the class <paramref name="helpersClass"/> (<see cref="HelpersClass"/>).</summary>
    public static string EmitHelpers(string helpersClass)
    {
        var writer = SourceWriter.CreateFile(nullableWarnings: false);
        writer.Line("using __Json = global::System.Text.Json;");
        writer.Line();
        writer.Line("namespace " + HelpersNamespace + ";");
        writer.Line();
        writer.Summary("What the generated JSON contexts of this assembly share: reading an object's properties, lists and dictionaries, the converter over generated methods, and failures with System.Text.Json's paths and messages.");
        writer.Line(CSharp.GeneratedCodeAttribute);
        writer.Open("internal static class " + helpersClass);
        writer.Block($$"""
            /// <summary>Whether the reader is at an object to read (false for null); anything else fails as System.Text.Json fails.</summary>
            internal static bool __Start(ref __Json.Utf8JsonReader reader, global::System.Type type)
            {
                if (reader.TokenType == __Json.JsonTokenType.Null)
                {
                    return false;
                }

                return reader.TokenType == __Json.JsonTokenType.StartObject ? true : throw __Fail(type, ref reader);
            }

            internal static bool __Null(ref __Json.Utf8JsonReader reader) => reader.TokenType == __Json.JsonTokenType.Null;

            /// <summary>Reads a value through a converter, as System.Text.Json calls it for a property of type <typeparamref name="T"/>.</summary>
            internal static T __Via<T>(__Json.Serialization.JsonConverter<T> converter, ref __Json.Utf8JsonReader reader, __Json.JsonSerializerOptions options) => converter.Read(ref reader, typeof(T), options)!;

            /// <summary>Reads a nullable value type through its converter, null at a JSON null without asking the converter (as System.Text.Json reads <c>Nullable&lt;T&gt;</c>).</summary>
            internal static T? __ViaOrNull<T>(__Json.Serialization.JsonConverter<T> converter, ref __Json.Utf8JsonReader reader, __Json.JsonSerializerOptions options) where T : struct
                => reader.TokenType == __Json.JsonTokenType.Null ? null : converter.Read(ref reader, typeof(T), options);

            /// <summary>Reads a class through its converter, null at a JSON null without asking the converter (as System.Text.Json reads a reference type).</summary>
            internal static T? __ViaOrNullRef<T>(__Json.Serialization.JsonConverter<T> converter, ref __Json.Utf8JsonReader reader, __Json.JsonSerializerOptions options) where T : class
                => reader.TokenType == __Json.JsonTokenType.Null ? null : converter.Read(ref reader, typeof(T), options);

            /// <summary>
            /// Reads the properties of one object for a model's reader: finds each name in the model's table of names,
            /// skips the properties the model does not have, remembers which it had, and fails as System.Text.Json fails
            /// (required properties missing at the end of the object; a property's failure with its segment in front of
            /// the path).
            /// </summary>
            /// <remarks>
            /// The table lists the model's properties in order, each as a header byte and its name's UTF-8 bytes. The
            /// header's bit 0x40 marks a required property; its low six bits are the name's length, or 0x3F when the length
            /// follows in groups of six bits, high first, each with 0x40 when another follows. A name is looked for from the
            /// entry after the last one found (documents mostly list properties in the model's order), once around the table.
            /// </remarks>
            internal ref struct __ObjectReader
            {
                private readonly global::System.ReadOnlySpan<byte> _names;
                private readonly global::System.Type _type;

                // Required properties not seen yet; seen properties 0 to 63 as bits, the others in an array made when needed.
                private int _required;
                private ulong _seen;
                private bool[]? _more;

                // Where the next search starts (an offset in the table and its entry's index), and the current property's name.
                private int _offset;
                private int _next;
                private int _name;
                private int _length;

                /// <summary>Checks the reader is at an object (<see cref="IsNull"/> for null; anything else fails as System.Text.Json fails).</summary>
                /// <param name="reader">The reader, at the value to read; it does not move.</param>
                /// <param name="type">The model, named in the failures.</param>
                /// <param name="names">The model's table of names.</param>
                /// <param name="required">How many of them are required.</param>
                public __ObjectReader(scoped ref __Json.Utf8JsonReader reader, global::System.Type type, global::System.ReadOnlySpan<byte> names, int required)
                {
                    IsNull = !__Start(ref reader, type);
                    _names = names;
                    _type = type;
                    _required = required;
                }

                /// <summary>Whether the value was null: there is no object to read.</summary>
                public readonly bool IsNull;

                /// <summary>The index of the property whose value the reader is at; -1 between properties.</summary>
                public int Index;

                /// <summary>
                /// Moves to the value of the object's next property the model has (skipping the others) and sets <see cref="Index"/>;
                /// false at the end of the object, once every required property was seen.
                /// </summary>
                public bool Next(ref __Json.Utf8JsonReader reader)
                {
                    while (Move(ref reader, keepOther: false))
                    {
                        if (Index >= 0)
                        {
                            return true;
                        }

                        reader.Skip();
                    }

                    return false;
                }

                /// <summary>The name of the member the model does not declare that <see cref="NextOrOther"/> stopped at (<see cref="Index"/> is then -1); null otherwise.</summary>
                public string? Other;

                /// <summary>
                /// As <see cref="Next"/>, but it stops at a member the model does not declare too, with <see cref="Index"/>
                /// -1 and its name in <see cref="Other"/>: for a model that keeps the other members.
                /// </summary>
                public bool NextOrOther(ref __Json.Utf8JsonReader reader) => Move(ref reader, keepOther: true);

                /// <summary>Moves to the value of the object's next member and sets <see cref="Index"/> (and <see cref="Other"/> when kept); false at the end of the object, once every required property was seen.</summary>
                [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
                private bool Move(ref __Json.Utf8JsonReader reader, bool keepOther)
                {
                    Index = -1;
                    if (keepOther)
                    {
                        Other = null;
                    }

                    reader.Read();
                    if (reader.TokenType == __Json.JsonTokenType.EndObject)
                    {
                        return _required == 0 ? false : throw Missing(ref reader);
                    }

                    var index = Find(reader.HasValueSequence || reader.ValueIsEscaped ? global::System.Text.Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan);
                    Index = index;
                    if (keepOther && index < 0)
                    {
                        Other = reader.GetString();
                    }

                    reader.Read();
                    return true;
                }

                /// <summary>Whether the object had the property <paramref name="index"/>.</summary>
                public readonly bool Seen(int index) => index < 64 ? (_seen & 1UL << index) != 0 : _more is { } more && index - 64 < more.Length && more[index - 64];

                /// <summary>What the failure of reading the current property's value turns into, if anything (see <see cref="Wrap"/>).</summary>
                public readonly bool CanWrap(global::System.Exception exception) => (Index >= 0 || Other is not null) && __CanWrap(exception);

                /// <summary>The failure of reading the current property's value, with the property's segment in front of its path.</summary>
                public readonly __Json.JsonException Wrap(global::System.Exception exception, ref __Json.Utf8JsonReader reader)
                    => __Wrap(exception, __Segment(Index >= 0 ? global::System.Text.Encoding.UTF8.GetString(_names.Slice(_name, _length)) : Other!), ref reader);

                private int Find(global::System.ReadOnlySpan<byte> name)
                {
                    if (_names.IsEmpty)
                    {
                        return -1;
                    }

                    var first = _offset == _names.Length ? 0 : _offset;
                    var offset = first;
                    var index = first == 0 ? 0 : _next;
                    do
                    {
                        var header = _names[offset];
                        var start = Entry(offset, out var length);
                        offset = start + length;
                        if (length == name.Length && global::System.MemoryExtensions.SequenceEqual(name, _names.Slice(start, length)))
                        {
                            See(index, (header & 0x40) != 0);
                            _offset = offset;
                            _next = index + 1;
                            _name = start;
                            _length = length;
                            return index;
                        }

                        index++;
                        if (offset == _names.Length)
                        {
                            offset = 0;
                            index = 0;
                        }
                    }
                    while (offset != first);

                    return -1;
                }

                /// <summary>Where the name of the entry at <paramref name="offset"/> starts, and its length.</summary>
                private readonly int Entry(int offset, out int length)
                {
                    length = _names[offset++] & 0x3F;
                    if (length == 0x3F)
                    {
                        length = 0;
                        int group;
                        do
                        {
                            group = _names[offset++];
                            length = length << 6 | group & 0x3F;
                        }
                        while ((group & 0x40) != 0);
                    }

                    return offset;
                }

                private void See(int index, bool required)
                {
                    if (Seen(index))
                    {
                        return;
                    }

                    if (index < 64)
                    {
                        _seen |= 1UL << index;
                    }
                    else
                    {
                        if (_more is null || index - 64 >= _more.Length)
                        {
                            global::System.Array.Resize(ref _more, index);
                        }

                        _more[index - 64] = true;
                    }

                    if (required)
                    {
                        _required--;
                    }
                }

                /// <summary>The failure for the required properties the object did not have, in the model's order.</summary>
                private readonly __Json.JsonException Missing(ref __Json.Utf8JsonReader reader)
                {
                    var missing = new global::System.Text.StringBuilder();
                    for (int offset = 0, index = 0; offset < _names.Length; index++)
                    {
                        var header = _names[offset];
                        var start = Entry(offset, out var length);
                        offset = start + length;
                        if ((header & 0x40) != 0 && !Seen(index))
                        {
                            missing.Append(missing.Length == 0 ? "'" : ", '").Append(global::System.Text.Encoding.UTF8.GetString(_names.Slice(start, length))).Append('\'');
                        }
                    }

                    return __Fail("JSON deserialization for type '" + _type + "' was missing required properties including: " + missing + ".", ref reader);
                }
            }

            internal delegate T __ReadValue<T>(ref __Json.Utf8JsonReader reader, __Json.JsonSerializerOptions options);

            internal delegate void __WriteValue<T>(__Json.Utf8JsonWriter writer, T value, __Json.JsonSerializerOptions options);

            /// <summary>A converter of the options for <paramref name="type"/>, a factory's made for it.</summary>
            internal static __Json.Serialization.JsonConverter __Expand(__Json.Serialization.JsonConverter converter, global::System.Type type, __Json.JsonSerializerOptions options)
            {
                if (converter is __Json.Serialization.JsonConverterFactory factory)
                {
                    converter = factory.CreateConverter(type, options) ?? throw new global::System.InvalidOperationException("The converter factory '" + factory.GetType() + "' returned null for '" + type + "'.");
                }

                return converter;
            }

            /// <summary>Reads and writes one type through the generated methods.</summary>
            internal sealed class __Converter<T> : __Json.Serialization.JsonConverter<T>
            {
                private readonly __ReadValue<T?> _read;
                private readonly __WriteValue<T?> _write;

                public __Converter(__ReadValue<T?> read, __WriteValue<T?> write)
                {
                    _read = read;
                    _write = write;
                }

                public override T? Read(ref __Json.Utf8JsonReader reader, global::System.Type typeToConvert, __Json.JsonSerializerOptions options) => _read(ref reader, options);

                public override void Write(__Json.Utf8JsonWriter writer, T value, __Json.JsonSerializerOptions options) => _write(writer, value, options);
            }

            /// <summary>The converter over a type's generated reader and writer (the type inferred from them).</summary>
            internal static __Converter<T> __Convert<T>(__ReadValue<T?> read, __WriteValue<T?> write) => new(read, write);

            internal static global::System.Collections.Generic.List<T>? __ReadList<T>(ref __Json.Utf8JsonReader reader, __ReadValue<T> read, __Json.JsonSerializerOptions options)
            {
                if (reader.TokenType == __Json.JsonTokenType.Null)
                {
                    return null;
                }
                if (reader.TokenType != __Json.JsonTokenType.StartArray)
                {
                    throw __Fail(typeof(global::System.Collections.Generic.IReadOnlyList<T>), ref reader);
                }

                var list = new global::System.Collections.Generic.List<T>();
                while (true)
                {
                    try
                    {
                        reader.Read();
                        if (reader.TokenType == __Json.JsonTokenType.EndArray)
                        {
                            return list;
                        }

                        list.Add(read(ref reader, options));
                    }
                    catch (global::System.Exception exception) when (__CanWrap(exception))
                    {
                        throw __Wrap(exception, "[" + list.Count.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + "]", ref reader);
                    }
                }
            }

            internal static global::System.Collections.Generic.Dictionary<string, T>? __ReadDictionary<T>(ref __Json.Utf8JsonReader reader, __ReadValue<T> read, __Json.JsonSerializerOptions options)
            {
                if (reader.TokenType == __Json.JsonTokenType.Null)
                {
                    return null;
                }
                if (reader.TokenType != __Json.JsonTokenType.StartObject)
                {
                    throw __Fail(typeof(global::System.Collections.Generic.IReadOnlyDictionary<string, T>), ref reader);
                }

                var dictionary = new global::System.Collections.Generic.Dictionary<string, T>();
                while (true)
                {
                    reader.Read();
                    if (reader.TokenType == __Json.JsonTokenType.EndObject)
                    {
                        return dictionary;
                    }

                    var key = reader.GetString()!;
                    try
                    {
                        reader.Read();
                        dictionary[key] = read(ref reader, options);
                    }
                    catch (global::System.Exception exception) when (__CanWrap(exception))
                    {
                        throw __Wrap(exception, __Segment(key), ref reader);
                    }
                }
            }

            internal static void __WriteList<T>(__Json.Utf8JsonWriter writer, global::System.Collections.Generic.IReadOnlyList<T>? list, __WriteValue<T> write, __Json.JsonSerializerOptions options)
            {
                if (list is null)
                {
                    writer.WriteNullValue();
                    return;
                }

                writer.WriteStartArray();
                for (int i = 0; i < list.Count; i++)
                {
                    write(writer, list[i], options);
                }

                writer.WriteEndArray();
            }

            internal static void __WriteDictionary<T>(__Json.Utf8JsonWriter writer, global::System.Collections.Generic.IReadOnlyDictionary<string, T>? dictionary, __WriteValue<T> write, __Json.JsonSerializerOptions options)
            {
                if (dictionary is null)
                {
                    writer.WriteNullValue();
                    return;
                }

                writer.WriteStartObject();
                foreach (var pair in dictionary)
                {
                    writer.WritePropertyName(pair.Key);
                    write(writer, pair.Value, options);
                }

                writer.WriteEndObject();
            }

            /// <summary>The members of an object beyond its model's declared properties, after them, as System.Text.Json writes extension data.</summary>
            internal static void __WriteOthers(__Json.Utf8JsonWriter writer, global::System.Collections.Generic.IDictionary<string, __Json.JsonElement>? others)
            {
                if (others is null)
                {
                    return;
                }

                foreach (var pair in others)
                {
                    writer.WritePropertyName(pair.Key);
                    pair.Value.WriteTo(writer);
                }
            }

            /// <summary>The path segment of a dictionary key, as System.Text.Json writes it.</summary>
            internal static string __Segment(string key) => key.IndexOfAny(__Special) < 0 ? "." + key : "['" + key.Replace("'", "\\'") + "']";

            private static readonly char[] __Special = {{CSharp.Literal(SpecialPathCharacters)}}.ToCharArray();

            /// <summary>What System.Text.Json turns into a JsonException with a path: its own, and the reader's rethrowable ones.</summary>
            internal static bool __CanWrap(global::System.Exception exception) => exception is __Json.JsonException || (exception is global::System.InvalidOperationException or global::System.FormatException && exception.Source == "System.Text.Json.Rethrowable");

            /// <summary>The failure one level up: the segment goes in front of the path found so far.</summary>
            internal static __Json.JsonException __Wrap(global::System.Exception exception, string segment, ref __Json.Utf8JsonReader reader)
            {
                var inner = exception as __Json.JsonException;
                var path = "$" + segment + (inner?.Path is { } found ? found.Substring(1) : string.Empty);
                var line = inner?.LineNumber ?? __LineNumber(ref reader);
                var position = inner?.BytePositionInLine ?? __BytePositionInLine(ref reader);
                var cause = inner is not null && inner.Path is not null ? inner.InnerException : exception;
                return new __Json.JsonException(__Message(inner is not null && inner.Path is not null ? inner.Message : exception.Message, path, line, position), path, line, position, cause);
            }

            internal static __Json.JsonException __Fail(global::System.Type type, ref __Json.Utf8JsonReader reader) => __Fail("The JSON value could not be converted to " + type + ".", ref reader);

            internal static __Json.JsonException __Fail(string message, ref __Json.Utf8JsonReader reader)
            {
                long? line = __LineNumber(ref reader);
                long? position = __BytePositionInLine(ref reader);
                return new __Json.JsonException(__Message(message, "$", line, position), "$", line, position);
            }

            private static string __Message(string message, string path, long? line, long? position)
            {
                var end = message.IndexOf(" Path: ", global::System.StringComparison.Ordinal);
                return (end < 0 ? message : message.Substring(0, end)) + " Path: " + path + " | LineNumber: " + line + " | BytePositionInLine: " + position + ".";
            }

            // The reader's position for an error message, as System.Text.Json reads it; only ever touched on failure.
            [global::System.Runtime.CompilerServices.UnsafeAccessor(global::System.Runtime.CompilerServices.UnsafeAccessorKind.Field, Name = "_lineNumber")]
            private static extern ref long __LineNumber(ref __Json.Utf8JsonReader reader);

            [global::System.Runtime.CompilerServices.UnsafeAccessor(global::System.Runtime.CompilerServices.UnsafeAccessorKind.Field, Name = "_bytePositionInLine")]
            private static extern ref long __BytePositionInLine(ref __Json.Utf8JsonReader reader);

            /// <summary>
            /// The string value of the property <paramref name="name"/> of the object the reader is at, read on a copy (the
            /// caller's reader does not move); null when the object has no such property or its value is not a string.
            /// </summary>
            internal static string? __Discriminator(__Json.Utf8JsonReader reader, global::System.ReadOnlySpan<byte> name)
            {
                while (reader.Read() && reader.TokenType == __Json.JsonTokenType.PropertyName)
                {
                    var match = reader.ValueTextEquals(name);
                    if (!reader.Read())
                    {
                        return null;
                    }

                    if (match)
                    {
                        return reader.TokenType == __Json.JsonTokenType.String ? reader.GetString() : null;
                    }

                    if (!reader.TrySkip())
                    {
                        return null;
                    }
                }

                return null;
            }
            """);
        writer.Line();
        EmitPropertyWriters(writer);
        writer.Line();
        EmitNullableReaders(writer);
        writer.Line();
        EmitFlatShared(writer);
        writer.Close();
        return writer.ToString();
    }
}
