
#nullable enable annotations
#nullable disable warnings
#pragma warning disable CS0612, CS0618, CS1591

using __Ser = global::System.Text.Json.Serialization;
using __Name = global::System.Text.Json.Serialization.JsonPropertyNameAttribute;
using __Ignore = global::System.Text.Json.Serialization.JsonIgnoreAttribute;
using __When = global::System.Text.Json.Serialization.JsonIgnoreCondition;
using __Gen = global::System.CodeDom.Compiler.GeneratedCodeAttribute;
using __M = global::CelerData.Generated.Tests.HandWritten;
using __G = global::System.Collections.Generic;

namespace CelerData.Generated.Tests.HandWritten
{
	/// <summary>An open string enum of Features API: what its JSON converter needs.</summary>
	/// <typeparam name="TSelf">The struct.</typeparam>
	[__Gen("CelerData.Generated", "0.1.0")]
	internal interface IFeaturesOpenEnum<TSelf> : global::System.IEquatable<TSelf> where TSelf : struct, IFeaturesOpenEnum<TSelf>
	{
		/// <summary>The wire values the API description lists.</summary>
		static abstract string[] __Wire { get; }

		/// <summary>The wire value.</summary>
		string Value { get; }

		/// <summary>A value with the given wire value, listed or not.</summary>
		static abstract TSelf Create(string value);
	}

	/// <summary>Reads and writes an open string enum of Features API as its wire value, listed or not, without reflection.</summary>
	/// <typeparam name="T">The struct.</typeparam>
	[__Gen("CelerData.Generated", "0.1.0")]
	internal sealed class FeaturesOpenEnumJsonConverter<T> : global::System.Text.Json.Serialization.JsonConverter<T> where T : struct, IFeaturesOpenEnum<T>
	{
		private static readonly T[] s_known = global::System.Array.ConvertAll(T.__Wire, T.Create);

		private static readonly byte[][] s_utf8 = global::System.Array.ConvertAll(T.__Wire, global::System.Text.Encoding.UTF8.GetBytes);

		/// <inheritdoc/>
		public override T Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)
		{
			if (reader.TokenType != global::System.Text.Json.JsonTokenType.String)
			{
				throw new global::System.Text.Json.JsonException("Expected a string for " + typeof(T).Name + ".");
			}

			if (!reader.ValueIsEscaped && !reader.HasValueSequence)
			{
				// A listed value is its static instance: no string is allocated.
				for (int i = 0; i < s_utf8.Length; i++)
				{
					if (global::System.MemoryExtensions.SequenceEqual(reader.ValueSpan, s_utf8[i]))
					{
						return s_known[i];
					}
				}
			}

			return T.Create(reader.GetString()!);
		}

		/// <inheritdoc/>
		public override void Write(global::System.Text.Json.Utf8JsonWriter writer, T value, global::System.Text.Json.JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
	}

	/// <summary>The Token schema of Features API.</summary>
	[__Gen("CelerData.Generated", "0.1.0")]
	public sealed partial record Token
	{
		[__Name("access_token")]
		public required string AccessToken { get; init; }

		[__Name("expires_in")]
		public required int ExpiresIn { get; init; }

		[__Name("refresh_token")]
		[__Ignore(Condition = __When.WhenWritingNull)]
		public string? RefreshToken { get; init; }

		[__Name("token_type")]
		public required string TokenType { get; init; }

		private bool PrintMembers(global::System.Text.StringBuilder builder)
		{
			builder.Append("AccessToken = ");
			builder.Append(AccessToken is null ? "null" : "***");
			builder.Append(", ExpiresIn = ");
			builder.Append(ExpiresIn);
			builder.Append(", RefreshToken = ");
			builder.Append(RefreshToken is null ? "null" : "***");
			builder.Append(", TokenType = ");
			builder.Append(TokenType);
			return true;
		}
	}

	/// <summary>The values of PetKind.</summary>
	/// <remarks>An open enum: a wire value the API description does not list reads, compares (ordinal) and writes back unchanged (<see cref="Known"/> is then <see cref="KnownValue.Unknown"/>).</remarks>
	[__Gen("CelerData.Generated", "0.1.0")]
	[__Ser.JsonConverter(typeof(__M.FeaturesOpenEnumJsonConverter<__M.PetKind>))]
	public readonly partial struct PetKind : __M.IFeaturesOpenEnum<PetKind>
	{
		/// <summary>The values the API description lists, to switch on through <see cref="Known"/>.</summary>
		public enum KnownValue
		{
			/// <summary>A value the API description does not list (or <c>default</c>).</summary>
			Unknown = 0,

			/// <summary>The wire value dog.</summary>
			Dog,

			/// <summary>The wire value cat.</summary>
			Cat,

			/// <summary>The wire value hamster-like.</summary>
			HamsterLike,

			/// <summary>The wire value Bird+.</summary>
			Bird,

			/// <summary>The wire value ünïcode.</summary>
			Ünïcode,
		}

		private static readonly string[] __Wire = { "dog", "cat", "hamster-like", "Bird+", "\u00FCn\u00EFcode" };

		/// <summary>The wire value dog.</summary>
		public static readonly PetKind Dog = new PetKind("dog");

		/// <summary>The wire value cat.</summary>
		public static readonly PetKind Cat = new PetKind("cat");

		/// <summary>The wire value hamster-like.</summary>
		public static readonly PetKind HamsterLike = new PetKind("hamster-like");

		/// <summary>The wire value Bird+.</summary>
		public static readonly PetKind Bird = new PetKind("Bird+");

		/// <summary>The wire value ünïcode.</summary>
		public static readonly PetKind Ünïcode = new PetKind("\u00FCn\u00EFcode");

		private readonly string? _value;

		private readonly KnownValue _known;

		/// <summary>A value with the given wire value, listed or not.</summary>
		/// <exception cref="global::System.ArgumentNullException"><paramref name="value"/> is null.</exception>
		public PetKind(string value)
		{
			_value = value ?? throw new global::System.ArgumentNullException(nameof(value));
			_known = (KnownValue)(global::System.Array.IndexOf(__Wire, value) + 1);
		}

		static string[] __M.IFeaturesOpenEnum<PetKind>.__Wire => __Wire;

		static PetKind __M.IFeaturesOpenEnum<PetKind>.Create(string value) => new PetKind(value);

		/// <summary>The wire value (the empty string for <c>default</c>).</summary>
		public string Value => _value ?? string.Empty;

		/// <summary>Which listed value this is, <see cref="KnownValue.Unknown"/> for any other.</summary>
		public KnownValue Known => _known;

		/// <summary>The wire value.</summary>
		public override string ToString() => Value;

		/// <summary>Whether both have the same wire value (ordinal).</summary>
		public bool Equals(PetKind other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);

		/// <inheritdoc/>
		public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);

		/// <summary>Whether the value is one the API description lists.</summary>
		public bool IsKnown => Known != KnownValue.Unknown;

		/// <inheritdoc/>
		public override bool Equals(object? obj) => obj is PetKind other && Equals(other);

		/// <summary>Whether both have the same wire value (ordinal).</summary>
		public static bool operator ==(PetKind left, PetKind right) => left.Equals(right);

		/// <summary>Whether the wire values differ (ordinal).</summary>
		public static bool operator !=(PetKind left, PetKind right) => !left.Equals(right);
	}

	/// <summary>The NewPet schema of Features API.</summary>
	[__Gen("CelerData.Generated", "0.1.0")]
	public sealed partial record NewPet
	{
		[__Name("name")]
		public required string Name { get; init; }

		[__Name("kind")]
		[__Ignore(Condition = __When.WhenWritingNull)]
		public __M.PetKind? Kind { get; init; }

		[__Name("birthday")]
		[__Ignore(Condition = __When.WhenWritingNull)]
		public global::System.DateOnly? Birthday { get; init; }

		[__Name("weight")]
		[__Ignore(Condition = __When.WhenWritingNull)]
		public double? Weight { get; init; }

		[__Name("tags")]
		[__Ignore(Condition = __When.WhenWritingNull)]
		public __G.IReadOnlyList<string>? Tags { get; init; }
	}

	/// <summary>The Pet schema of Features API.</summary>
	[__Gen("CelerData.Generated", "0.1.0")]
	public sealed partial record Pet
	{
		[__Name("name")]
		public required string Name { get; init; }

		[__Name("kind")]
		[__Ignore(Condition = __When.WhenWritingNull)]
		public __M.PetKind? Kind { get; init; }

		[__Name("birthday")]
		[__Ignore(Condition = __When.WhenWritingNull)]
		public global::System.DateOnly? Birthday { get; init; }

		[__Name("weight")]
		[__Ignore(Condition = __When.WhenWritingNull)]
		public double? Weight { get; init; }

		[__Name("tags")]
		[__Ignore(Condition = __When.WhenWritingNull)]
		public __G.IReadOnlyList<string>? Tags { get; init; }

		[__Name("id")]
		public required long Id { get; init; }

		[__Name("created")]
		public required global::System.DateTimeOffset Created { get; init; }

		[__Name("owner_id")]
		[__Ignore(Condition = __When.WhenWritingNull)]
		public global::System.Guid? OwnerId { get => __value_OwnerId; init { __value_OwnerId = value; __set_OwnerId = true; } }

		private readonly global::System.Guid? __value_OwnerId;

		/// <summary>Whether OwnerId was set, to null or not: only then is it written to JSON.</summary>
		internal bool __set_OwnerId;

		[__Name("score")]
		[__Ignore(Condition = __When.WhenWritingNull)]
		public float? Score { get; init; }

		[__Name("price")]
		[__Ignore(Condition = __When.WhenWritingNull)]
		public decimal? Price { get; init; }

		[__Name("photo")]
		[__Ignore(Condition = __When.WhenWritingNull)]
		public byte[]? Photo { get; init; }

		[__Name("attributes")]
		[__Ignore(Condition = __When.WhenWritingNull)]
		public __G.IReadOnlyDictionary<string, string>? Attributes { get; init; }

		[__Name("parent")]
		[__Ignore(Condition = __When.WhenWritingNull)]
		public __M.Pet? Parent { get; init; }

		[__Name("children")]
		[__Ignore(Condition = __When.WhenWritingNull)]
		public __G.IReadOnlyList<__M.Pet>? Children { get; init; }

		[__Name("extra")]
		[__Ignore(Condition = __When.WhenWritingNull)]
		public global::System.Text.Json.JsonElement? Extra { get; init; }

		[__Name("class")]
		[__Ignore(Condition = __When.WhenWritingNull)]
		public string? Classification { get; init; }

		[__Name("pet")]
		[__Ignore(Condition = __When.WhenWritingNull)]
		public string? PetValue { get; init; }

		[__Name("status")]
		[__Ignore(Condition = __When.WhenWritingNull)]
		public __M.PetStatus? Status { get; init; }
	}

	/// <summary>The HealthResponse schema of Features API.</summary>
	[__Gen("CelerData.Generated", "0.1.0")]
	public sealed partial record HealthResponse
	{
		[__Name("status")]
		public required __M.HealthResponseStatus Status { get; init; }

		[__Name("checks")]
		[__Ignore(Condition = __When.WhenWritingNull)]
		public __G.IReadOnlyDictionary<string, bool>? Checks { get; init; }

		/// <summary>The members of the JSON object beyond the declared properties (the schema's additionalProperties), each as its JSON value; they are written after the declared ones.</summary>
		[__Ser.JsonExtensionData]
		public __G.IDictionary<string, global::System.Text.Json.JsonElement>? AdditionalProperties { get; set; }
	}

	/// <summary>The values of PetStatus.</summary>
	/// <remarks>An open enum: a wire value the API description does not list reads, compares (ordinal) and writes back unchanged (<see cref="Known"/> is then <see cref="KnownValue.Unknown"/>).</remarks>
	[__Gen("CelerData.Generated", "0.1.0")]
	[__Ser.JsonConverter(typeof(__M.FeaturesOpenEnumJsonConverter<__M.PetStatus>))]
	public readonly partial struct PetStatus : __M.IFeaturesOpenEnum<PetStatus>
	{
		/// <summary>The values the API description lists, to switch on through <see cref="Known"/>.</summary>
		public enum KnownValue
		{
			/// <summary>A value the API description does not list (or <c>default</c>).</summary>
			Unknown = 0,

			/// <summary>The wire value available.</summary>
			Available,

			/// <summary>The wire value sold.</summary>
			Sold,
		}

		private static readonly string[] __Wire = { "available", "sold" };

		/// <summary>The wire value available.</summary>
		public static readonly PetStatus Available = new PetStatus("available");

		/// <summary>The wire value sold.</summary>
		public static readonly PetStatus Sold = new PetStatus("sold");

		private readonly string? _value;

		private readonly KnownValue _known;

		/// <summary>A value with the given wire value, listed or not.</summary>
		/// <exception cref="global::System.ArgumentNullException"><paramref name="value"/> is null.</exception>
		public PetStatus(string value)
		{
			_value = value ?? throw new global::System.ArgumentNullException(nameof(value));
			_known = (KnownValue)(global::System.Array.IndexOf(__Wire, value) + 1);
		}

		static string[] __M.IFeaturesOpenEnum<PetStatus>.__Wire => __Wire;

		static PetStatus __M.IFeaturesOpenEnum<PetStatus>.Create(string value) => new PetStatus(value);

		/// <summary>The wire value (the empty string for <c>default</c>).</summary>
		public string Value => _value ?? string.Empty;

		/// <summary>Which listed value this is, <see cref="KnownValue.Unknown"/> for any other.</summary>
		public KnownValue Known => _known;

		/// <summary>The wire value.</summary>
		public override string ToString() => Value;

		/// <summary>Whether both have the same wire value (ordinal).</summary>
		public bool Equals(PetStatus other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);

		/// <inheritdoc/>
		public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);

		/// <summary>Whether the value is one the API description lists.</summary>
		public bool IsKnown => Known != KnownValue.Unknown;

		/// <inheritdoc/>
		public override bool Equals(object? obj) => obj is PetStatus other && Equals(other);

		/// <summary>Whether both have the same wire value (ordinal).</summary>
		public static bool operator ==(PetStatus left, PetStatus right) => left.Equals(right);

		/// <summary>Whether the wire values differ (ordinal).</summary>
		public static bool operator !=(PetStatus left, PetStatus right) => !left.Equals(right);
	}

	/// <summary>The values of HealthResponseStatus.</summary>
	/// <remarks>An open enum: a wire value the API description does not list reads, compares (ordinal) and writes back unchanged (<see cref="Known"/> is then <see cref="KnownValue.Unknown"/>).</remarks>
	[__Gen("CelerData.Generated", "0.1.0")]
	[__Ser.JsonConverter(typeof(__M.FeaturesOpenEnumJsonConverter<__M.HealthResponseStatus>))]
	public readonly partial struct HealthResponseStatus : __M.IFeaturesOpenEnum<HealthResponseStatus>
	{
		/// <summary>The values the API description lists, to switch on through <see cref="Known"/>.</summary>
		public enum KnownValue
		{
			/// <summary>A value the API description does not list (or <c>default</c>).</summary>
			Unknown = 0,

			/// <summary>The wire value ok.</summary>
			Ok,

			/// <summary>The wire value degraded.</summary>
			Degraded,
		}

		private static readonly string[] __Wire = { "ok", "degraded" };

		/// <summary>The wire value ok.</summary>
		public static readonly HealthResponseStatus Ok = new HealthResponseStatus("ok");

		/// <summary>The wire value degraded.</summary>
		public static readonly HealthResponseStatus Degraded = new HealthResponseStatus("degraded");

		private readonly string? _value;

		private readonly KnownValue _known;

		/// <summary>A value with the given wire value, listed or not.</summary>
		/// <exception cref="global::System.ArgumentNullException"><paramref name="value"/> is null.</exception>
		public HealthResponseStatus(string value)
		{
			_value = value ?? throw new global::System.ArgumentNullException(nameof(value));
			_known = (KnownValue)(global::System.Array.IndexOf(__Wire, value) + 1);
		}

		static string[] __M.IFeaturesOpenEnum<HealthResponseStatus>.__Wire => __Wire;

		static HealthResponseStatus __M.IFeaturesOpenEnum<HealthResponseStatus>.Create(string value) => new HealthResponseStatus(value);

		/// <summary>The wire value (the empty string for <c>default</c>).</summary>
		public string Value => _value ?? string.Empty;

		/// <summary>Which listed value this is, <see cref="KnownValue.Unknown"/> for any other.</summary>
		public KnownValue Known => _known;

		/// <summary>The wire value.</summary>
		public override string ToString() => Value;

		/// <summary>Whether both have the same wire value (ordinal).</summary>
		public bool Equals(HealthResponseStatus other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);

		/// <inheritdoc/>
		public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);

		/// <summary>Whether the value is one the API description lists.</summary>
		public bool IsKnown => Known != KnownValue.Unknown;

		/// <inheritdoc/>
		public override bool Equals(object? obj) => obj is HealthResponseStatus other && Equals(other);

		/// <summary>Whether both have the same wire value (ordinal).</summary>
		public static bool operator ==(HealthResponseStatus left, HealthResponseStatus right) => left.Equals(right);

		/// <summary>Whether the wire values differ (ordinal).</summary>
		public static bool operator !=(HealthResponseStatus left, HealthResponseStatus right) => !left.Equals(right);
	}
}
