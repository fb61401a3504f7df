using System.Linq;
using CelerData.Generated.Model;

namespace CelerData.Generated.Emitting;

/// <summary>
/// The fast path of a flat model's writer: a model whose properties are all strings, integers and booleans, under
/// names the default encoder writes as they are, is written as one raw JSON value built in a per-thread buffer (names
/// as UTF-8 literals with their quotes and colon, ASCII strings copied without the writer's per-call work), which the
/// writer copies once. It is taken only where the bytes are certain to be
/// System.Text.Json's: a writer the serializer made (no validation, no indentation, the default encoder) and strings
/// of ASCII characters the default encoder never escapes; anything else falls back to the ordinary writer calls.
/// </summary>
internal static partial class JsonContextEmitter
{
    /// <summary>The <c>__Flat</c> method that writes a primitive, by its kind.</summary>
    private static readonly System.Collections.Generic.Dictionary<PrimitiveKind, string> FlatWrites = new()
    {
        [PrimitiveKind.String] = "String",
        [PrimitiveKind.Int32] = "Number",
        [PrimitiveKind.Int64] = "Number",
        [PrimitiveKind.Boolean] = "Boolean",
    };

    /// <summary>Whether a model is written through <c>__Flat</c>: at least one property, each a string, an integer or a boolean with a plain name, and no other members kept.</summary>
    private static bool IsFlat(TypeModel model)
        => model.Kind == TypeKind.Object && model.Hierarchy is null && model.OtherMembers is null && model.Properties.Count > 0
            && model.Properties.All(p => CSharp.Runtime(p.Type) is { Kind: TypeRefKind.Primitive } runtime && FlatWrites.ContainsKey(runtime.Primitive) && IsPlain(p.WireName));

    /// <summary>Whether System.Text.Json writes a name as it is: printable ASCII that its default encoder never escapes.</summary>
    private static bool IsPlain(string name) => name.All(c => c >= ' ' && c <= '~' && "\"&'+<>\\`".IndexOf(c) < 0);

    /// <summary>The fast path at the start of a flat model's writer: it returns when the raw value was written.</summary>
    private static void EmitFlatAttempt(SourceWriter writer, Plan plan, TypeModel model)
    {
        writer.Line("var __flat = new __Flat(writer);");
        foreach (var property in model.Properties)
        {
            var call = "__flat." + FlatWrites[CSharp.Runtime(property.Type).Primitive] + "(" + CSharp.Literal("\"" + property.WireName + "\":") + "u8, value." + property.Name + ");";
            switch (property.Write)
            {
                case PropertyWrite.WhenNotNull:
                    writer.Line("if (value." + property.Name + " is not null) " + call);
                    break;
                case PropertyWrite.WhenSet:
                    writer.Line("if (value." + ModelsEmitter.SetField(property) + ") " + call);
                    break;
                default:
                    writer.Line(call);
                    break;
            }
        }

        writer.Line("if (__flat.End(writer)) return;");
        writer.Line();
    }

    /// <summary>The buffer flat models are written into, in the helpers every context of a compilation shares.</summary>
    private static void EmitFlatShared(SourceWriter writer)
    {
        writer.Block("""
            /// <summary>
            /// Builds a flat object as one raw JSON value, byte for byte what the writer's own calls would write. It gives
            /// up (and the caller writes the object the ordinary way) for a writer that validates, indents or has its own
            /// encoder, at the writer's depth limit, for a string the default encoder would escape or one that does not fit.
            /// </summary>
            internal ref struct __Flat
            {
                [global::System.ThreadStatic]
                private static byte[]? t_buffer;

                // The characters the default encoder never escapes: printable ASCII but " & ' + < > \ `.
                private static readonly global::System.Buffers.SearchValues<char> s_plain = global::System.Buffers.SearchValues.Create(" !#$%()*,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~");

                private global::System.Span<byte> _buffer;
                private int _length;

                public __Flat(__Json.Utf8JsonWriter writer)
                {
                    var options = writer.Options;
                    if (options.SkipValidation && !options.Indented && options.Encoder is null && writer.CurrentDepth < options.MaxDepth)
                    {
                        _buffer = t_buffer ??= new byte[1024];
                        _buffer[0] = (byte)'{';
                        _length = 1;
                    }
                }

                /// <summary>Appends a separator and the name (quoted, with its colon) with room for <paramref name="value"/> more bytes; false, and gives up, without room.</summary>
                [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
                private bool Name(global::System.ReadOnlySpan<byte> name, int value)
                {
                    if (_buffer.Length - _length < name.Length + 1 + value)
                    {
                        _buffer = default;
                        return false;
                    }

                    if (_length > 1)
                    {
                        _buffer[_length++] = (byte)',';
                    }

                    name.CopyTo(_buffer.Slice(_length));
                    _length += name.Length;
                    return true;
                }

                private void Null()
                {
                    "null"u8.CopyTo(_buffer.Slice(_length));
                    _length += 4;
                }

                [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
                public void String(global::System.ReadOnlySpan<byte> name, string? value)
                {
                    if (!Name(name, value is null ? 4 : value.Length + 2))
                    {
                        return;
                    }

                    if (value is null)
                    {
                        Null();
                        return;
                    }

                    if (global::System.MemoryExtensions.IndexOfAnyExcept(global::System.MemoryExtensions.AsSpan(value), s_plain) >= 0)
                    {
                        _buffer = default;
                        return;
                    }

                    _buffer[_length++] = (byte)'"';
                    global::System.Text.Ascii.FromUtf16(value, _buffer.Slice(_length), out var written);
                    _length += written;
                    _buffer[_length++] = (byte)'"';
                }

                public void Number(global::System.ReadOnlySpan<byte> name, long? value)
                {
                    if (!Name(name, 20))
                    {
                        return;
                    }

                    if (value is not { } number)
                    {
                        Null();
                        return;
                    }

                    global::System.Buffers.Text.Utf8Formatter.TryFormat(number, _buffer.Slice(_length), out var written);
                    _length += written;
                }

                public void Boolean(global::System.ReadOnlySpan<byte> name, bool? value)
                {
                    if (!Name(name, 5))
                    {
                        return;
                    }

                    var literal = value is not { } flag ? "null"u8 : flag ? "true"u8 : "false"u8;
                    literal.CopyTo(_buffer.Slice(_length));
                    _length += literal.Length;
                }

                /// <summary>Closes the object and writes it; false when it gave up, with nothing written.</summary>
                public bool End(__Json.Utf8JsonWriter writer)
                {
                    if (_buffer.Length - _length < 1)
                    {
                        return false;
                    }

                    _buffer[_length++] = (byte)'}';
                    writer.WriteRawValue(_buffer.Slice(0, _length), skipInputValidation: true);
                    return true;
                }
            }

            """);
    }
}
