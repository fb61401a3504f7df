
#nullable enable
#pragma warning disable CS0612, CS0618

namespace CelerData.Generated.Tests.HandWritten
{
    /// <summary>
    /// The Token schema of Features API.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCodeAttribute("CelerData.Generated", "0.1.0")]
    public sealed partial record Token
    {
        /// <summary>
        /// The 'access_token' property.
        /// </summary>
        [global::System.Text.Json.Serialization.JsonPropertyName("access_token")]
        public required string AccessToken { get; init; }

        /// <summary>
        /// The 'expires_in' property.
        /// </summary>
        [global::System.Text.Json.Serialization.JsonPropertyName("expires_in")]
        public required int ExpiresIn { get; init; }

        /// <summary>
        /// The 'refresh_token' property.
        /// </summary>
        [global::System.Text.Json.Serialization.JsonPropertyName("refresh_token")]
        [global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public string? RefreshToken { get; init; }

        /// <summary>
        /// The 'token_type' property.
        /// </summary>
        [global::System.Text.Json.Serialization.JsonPropertyName("token_type")]
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

    /// <summary>
    /// The values of PetKind.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCodeAttribute("CelerData.Generated", "0.1.0")]
    [global::System.Text.Json.Serialization.JsonConverter(typeof(global::CelerData.Generated.Tests.HandWritten.PetKindJsonConverter))]
    public enum PetKind
    {
        /// <summary>
        /// The wire value dog.
        /// </summary>
        [global::System.Runtime.Serialization.EnumMember(Value = "dog")]
        Dog,
        /// <summary>
        /// The wire value cat.
        /// </summary>
        [global::System.Runtime.Serialization.EnumMember(Value = "cat")]
        Cat,
        /// <summary>
        /// The wire value hamster-like.
        /// </summary>
        [global::System.Runtime.Serialization.EnumMember(Value = "hamster-like")]
        HamsterLike,
        /// <summary>
        /// The wire value Bird+.
        /// </summary>
        [global::System.Runtime.Serialization.EnumMember(Value = "Bird+")]
        Bird,
        /// <summary>
        /// The wire value ünïcode.
        /// </summary>
        [global::System.Runtime.Serialization.EnumMember(Value = "\u00FCn\u00EFcode")]
        Ünïcode,
    }

    /// <summary>
    /// Reads and writes PetKind as its wire values, without reflection.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCodeAttribute("CelerData.Generated", "0.1.0")]
    public sealed class PetKindJsonConverter : global::System.Text.Json.Serialization.JsonConverter<global::CelerData.Generated.Tests.HandWritten.PetKind>
    {
        private static readonly global::System.Text.Json.JsonEncodedText s_value0 = global::System.Text.Json.JsonEncodedText.Encode("dog");
        private static readonly global::System.Text.Json.JsonEncodedText s_value1 = global::System.Text.Json.JsonEncodedText.Encode("cat");
        private static readonly global::System.Text.Json.JsonEncodedText s_value2 = global::System.Text.Json.JsonEncodedText.Encode("hamster-like");
        private static readonly global::System.Text.Json.JsonEncodedText s_value3 = global::System.Text.Json.JsonEncodedText.Encode("Bird+");
        private static readonly global::System.Text.Json.JsonEncodedText s_value4 = global::System.Text.Json.JsonEncodedText.Encode("\u00FCn\u00EFcode");

        /// <inheritdoc/>
        public override global::CelerData.Generated.Tests.HandWritten.PetKind Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.String)
            {
                throw new global::System.Text.Json.JsonException("Expected a string for PetKind.");
            }

            if (reader.ValueTextEquals("dog"))
            {
                return global::CelerData.Generated.Tests.HandWritten.PetKind.Dog;
            }

            if (reader.ValueTextEquals("cat"))
            {
                return global::CelerData.Generated.Tests.HandWritten.PetKind.Cat;
            }

            if (reader.ValueTextEquals("hamster-like"))
            {
                return global::CelerData.Generated.Tests.HandWritten.PetKind.HamsterLike;
            }

            if (reader.ValueTextEquals("Bird+"))
            {
                return global::CelerData.Generated.Tests.HandWritten.PetKind.Bird;
            }

            if (reader.ValueTextEquals("\u00FCn\u00EFcode"))
            {
                return global::CelerData.Generated.Tests.HandWritten.PetKind.Ünïcode;
            }

            throw new global::System.Text.Json.JsonException("The value is not one of the values of PetKind.");
        }

        /// <inheritdoc/>
        public override void Write(global::System.Text.Json.Utf8JsonWriter writer, global::CelerData.Generated.Tests.HandWritten.PetKind value, global::System.Text.Json.JsonSerializerOptions options)
        {
            switch (value)
            {
                case global::CelerData.Generated.Tests.HandWritten.PetKind.Dog:
                    writer.WriteStringValue(s_value0);
                    return;
                case global::CelerData.Generated.Tests.HandWritten.PetKind.Cat:
                    writer.WriteStringValue(s_value1);
                    return;
                case global::CelerData.Generated.Tests.HandWritten.PetKind.HamsterLike:
                    writer.WriteStringValue(s_value2);
                    return;
                case global::CelerData.Generated.Tests.HandWritten.PetKind.Bird:
                    writer.WriteStringValue(s_value3);
                    return;
                case global::CelerData.Generated.Tests.HandWritten.PetKind.Ünïcode:
                    writer.WriteStringValue(s_value4);
                    return;
                default:
                    throw new global::System.Text.Json.JsonException("The value is not one of the values of PetKind.");
            }
        }
    }

    /// <summary>
    /// The NewPet schema of Features API.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCodeAttribute("CelerData.Generated", "0.1.0")]
    public sealed partial record NewPet
    {
        /// <summary>
        /// The 'name' property.
        /// </summary>
        [global::System.Text.Json.Serialization.JsonPropertyName("name")]
        public required string Name { get; init; }

        /// <summary>
        /// The 'kind' property.
        /// </summary>
        [global::System.Text.Json.Serialization.JsonPropertyName("kind")]
        [global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public global::CelerData.Generated.Tests.HandWritten.PetKind? Kind { get; init; }

        /// <summary>
        /// The 'birthday' property.
        /// </summary>
        [global::System.Text.Json.Serialization.JsonPropertyName("birthday")]
        [global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public global::System.DateOnly? Birthday { get; init; }

        /// <summary>
        /// The 'weight' property.
        /// </summary>
        [global::System.Text.Json.Serialization.JsonPropertyName("weight")]
        [global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public double? Weight { get; init; }

        /// <summary>
        /// The 'tags' property.
        /// </summary>
        [global::System.Text.Json.Serialization.JsonPropertyName("tags")]
        [global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public global::System.Collections.Generic.IReadOnlyList<string>? Tags { get; init; }

        private bool PrintMembers(global::System.Text.StringBuilder builder)
        {
            builder.Append("Name = ");
            builder.Append(Name);
            builder.Append(", Kind = ");
            builder.Append(Kind);
            builder.Append(", Birthday = ");
            builder.Append(Birthday);
            builder.Append(", Weight = ");
            builder.Append(Weight);
            builder.Append(", Tags = ");
            builder.Append(Tags);
            return true;
        }
    }

    /// <summary>
    /// The Pet schema of Features API.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCodeAttribute("CelerData.Generated", "0.1.0")]
    public sealed partial record Pet
    {
        /// <summary>
        /// The 'name' property.
        /// </summary>
        [global::System.Text.Json.Serialization.JsonPropertyName("name")]
        public required string Name { get; init; }

        /// <summary>
        /// The 'kind' property.
        /// </summary>
        [global::System.Text.Json.Serialization.JsonPropertyName("kind")]
        [global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public global::CelerData.Generated.Tests.HandWritten.PetKind? Kind { get; init; }

        /// <summary>
        /// The 'birthday' property.
        /// </summary>
        [global::System.Text.Json.Serialization.JsonPropertyName("birthday")]
        [global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public global::System.DateOnly? Birthday { get; init; }

        /// <summary>
        /// The 'weight' property.
        /// </summary>
        [global::System.Text.Json.Serialization.JsonPropertyName("weight")]
        [global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public double? Weight { get; init; }

        /// <summary>
        /// The 'tags' property.
        /// </summary>
        [global::System.Text.Json.Serialization.JsonPropertyName("tags")]
        [global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public global::System.Collections.Generic.IReadOnlyList<string>? Tags { get; init; }

        /// <summary>
        /// The 'id' property.
        /// </summary>
        [global::System.Text.Json.Serialization.JsonPropertyName("id")]
        public required long Id { get; init; }

        /// <summary>
        /// The 'created' property.
        /// </summary>
        [global::System.Text.Json.Serialization.JsonPropertyName("created")]
        public required global::System.DateTimeOffset Created { get; init; }

        /// <summary>
        /// The 'owner_id' property.
        /// </summary>
        [global::System.Text.Json.Serialization.JsonPropertyName("owner_id")]
        [global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public global::System.Guid? OwnerId { get => __value_OwnerId; init { __value_OwnerId = value; __set_OwnerId = true; } }

        private readonly global::System.Guid? __value_OwnerId;

        /// <summary>Whether OwnerId was set, to null or not: only then is it written to JSON.</summary>
        internal readonly bool __set_OwnerId;

        /// <summary>
        /// The 'score' property.
        /// </summary>
        [global::System.Text.Json.Serialization.JsonPropertyName("score")]
        [global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public float? Score { get; init; }

        /// <summary>
        /// The 'price' property.
        /// </summary>
        [global::System.Text.Json.Serialization.JsonPropertyName("price")]
        [global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public decimal? Price { get; init; }

        /// <summary>
        /// The 'photo' property.
        /// </summary>
        [global::System.Text.Json.Serialization.JsonPropertyName("photo")]
        [global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public byte[]? Photo { get; init; }

        /// <summary>
        /// The 'attributes' property.
        /// </summary>
        [global::System.Text.Json.Serialization.JsonPropertyName("attributes")]
        [global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public global::System.Collections.Generic.IReadOnlyDictionary<string, string>? Attributes { get; init; }

        /// <summary>
        /// The 'parent' property.
        /// </summary>
        [global::System.Text.Json.Serialization.JsonPropertyName("parent")]
        [global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public global::CelerData.Generated.Tests.HandWritten.Pet? Parent { get; init; }

        /// <summary>
        /// The 'children' property.
        /// </summary>
        [global::System.Text.Json.Serialization.JsonPropertyName("children")]
        [global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public global::System.Collections.Generic.IReadOnlyList<global::CelerData.Generated.Tests.HandWritten.Pet>? Children { get; init; }

        /// <summary>
        /// The 'extra' property.
        /// </summary>
        [global::System.Text.Json.Serialization.JsonPropertyName("extra")]
        [global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public global::System.Text.Json.JsonElement? Extra { get; init; }

        /// <summary>
        /// The 'class' property.
        /// </summary>
        [global::System.Text.Json.Serialization.JsonPropertyName("class")]
        [global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public string? Classification { get; init; }

        /// <summary>
        /// The 'pet' property.
        /// </summary>
        [global::System.Text.Json.Serialization.JsonPropertyName("pet")]
        [global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public string? PetValue { get; init; }

        /// <summary>
        /// The 'status' property.
        /// </summary>
        [global::System.Text.Json.Serialization.JsonPropertyName("status")]
        [global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public global::CelerData.Generated.Tests.HandWritten.PetStatus? Status { get; init; }

        private bool PrintMembers(global::System.Text.StringBuilder builder)
        {
            builder.Append("Name = ");
            builder.Append(Name);
            builder.Append(", Kind = ");
            builder.Append(Kind);
            builder.Append(", Birthday = ");
            builder.Append(Birthday);
            builder.Append(", Weight = ");
            builder.Append(Weight);
            builder.Append(", Tags = ");
            builder.Append(Tags);
            builder.Append(", Id = ");
            builder.Append(Id);
            builder.Append(", Created = ");
            builder.Append(Created);
            builder.Append(", OwnerId = ");
            builder.Append(OwnerId);
            builder.Append(", Score = ");
            builder.Append(Score);
            builder.Append(", Price = ");
            builder.Append(Price);
            builder.Append(", Photo = ");
            builder.Append(Photo);
            builder.Append(", Attributes = ");
            builder.Append(Attributes);
            builder.Append(", Parent = ");
            builder.Append(Parent);
            builder.Append(", Children = ");
            builder.Append(Children);
            builder.Append(", Extra = ");
            builder.Append(Extra);
            builder.Append(", Classification = ");
            builder.Append(Classification);
            builder.Append(", PetValue = ");
            builder.Append(PetValue);
            builder.Append(", Status = ");
            builder.Append(Status);
            return true;
        }
    }

    /// <summary>
    /// The HealthResponse schema of Features API.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCodeAttribute("CelerData.Generated", "0.1.0")]
    public sealed partial record HealthResponse
    {
        /// <summary>
        /// The 'status' property.
        /// </summary>
        [global::System.Text.Json.Serialization.JsonPropertyName("status")]
        public required global::CelerData.Generated.Tests.HandWritten.HealthResponseStatus Status { get; init; }

        /// <summary>
        /// The 'checks' property.
        /// </summary>
        [global::System.Text.Json.Serialization.JsonPropertyName("checks")]
        [global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public global::System.Collections.Generic.IReadOnlyDictionary<string, bool>? Checks { get; init; }

        private bool PrintMembers(global::System.Text.StringBuilder builder)
        {
            builder.Append("Status = ");
            builder.Append(Status);
            builder.Append(", Checks = ");
            builder.Append(Checks);
            return true;
        }
    }

    /// <summary>
    /// The values of PetStatus.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCodeAttribute("CelerData.Generated", "0.1.0")]
    [global::System.Text.Json.Serialization.JsonConverter(typeof(global::CelerData.Generated.Tests.HandWritten.PetStatusJsonConverter))]
    public enum PetStatus
    {
        /// <summary>
        /// The wire value available.
        /// </summary>
        [global::System.Runtime.Serialization.EnumMember(Value = "available")]
        Available,
        /// <summary>
        /// The wire value sold.
        /// </summary>
        [global::System.Runtime.Serialization.EnumMember(Value = "sold")]
        Sold,
    }

    /// <summary>
    /// Reads and writes PetStatus as its wire values, without reflection.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCodeAttribute("CelerData.Generated", "0.1.0")]
    public sealed class PetStatusJsonConverter : global::System.Text.Json.Serialization.JsonConverter<global::CelerData.Generated.Tests.HandWritten.PetStatus>
    {
        private static readonly global::System.Text.Json.JsonEncodedText s_value0 = global::System.Text.Json.JsonEncodedText.Encode("available");
        private static readonly global::System.Text.Json.JsonEncodedText s_value1 = global::System.Text.Json.JsonEncodedText.Encode("sold");

        /// <inheritdoc/>
        public override global::CelerData.Generated.Tests.HandWritten.PetStatus Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.String)
            {
                throw new global::System.Text.Json.JsonException("Expected a string for PetStatus.");
            }

            if (reader.ValueTextEquals("available"))
            {
                return global::CelerData.Generated.Tests.HandWritten.PetStatus.Available;
            }

            if (reader.ValueTextEquals("sold"))
            {
                return global::CelerData.Generated.Tests.HandWritten.PetStatus.Sold;
            }

            throw new global::System.Text.Json.JsonException("The value is not one of the values of PetStatus.");
        }

        /// <inheritdoc/>
        public override void Write(global::System.Text.Json.Utf8JsonWriter writer, global::CelerData.Generated.Tests.HandWritten.PetStatus value, global::System.Text.Json.JsonSerializerOptions options)
        {
            switch (value)
            {
                case global::CelerData.Generated.Tests.HandWritten.PetStatus.Available:
                    writer.WriteStringValue(s_value0);
                    return;
                case global::CelerData.Generated.Tests.HandWritten.PetStatus.Sold:
                    writer.WriteStringValue(s_value1);
                    return;
                default:
                    throw new global::System.Text.Json.JsonException("The value is not one of the values of PetStatus.");
            }
        }
    }

    /// <summary>
    /// The values of HealthResponseStatus.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCodeAttribute("CelerData.Generated", "0.1.0")]
    [global::System.Text.Json.Serialization.JsonConverter(typeof(global::CelerData.Generated.Tests.HandWritten.HealthResponseStatusJsonConverter))]
    public enum HealthResponseStatus
    {
        /// <summary>
        /// The wire value ok.
        /// </summary>
        [global::System.Runtime.Serialization.EnumMember(Value = "ok")]
        Ok,
        /// <summary>
        /// The wire value degraded.
        /// </summary>
        [global::System.Runtime.Serialization.EnumMember(Value = "degraded")]
        Degraded,
    }

    /// <summary>
    /// Reads and writes HealthResponseStatus as its wire values, without reflection.
    /// </summary>
    [global::System.CodeDom.Compiler.GeneratedCodeAttribute("CelerData.Generated", "0.1.0")]
    public sealed class HealthResponseStatusJsonConverter : global::System.Text.Json.Serialization.JsonConverter<global::CelerData.Generated.Tests.HandWritten.HealthResponseStatus>
    {
        private static readonly global::System.Text.Json.JsonEncodedText s_value0 = global::System.Text.Json.JsonEncodedText.Encode("ok");
        private static readonly global::System.Text.Json.JsonEncodedText s_value1 = global::System.Text.Json.JsonEncodedText.Encode("degraded");

        /// <inheritdoc/>
        public override global::CelerData.Generated.Tests.HandWritten.HealthResponseStatus Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)
        {
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.String)
            {
                throw new global::System.Text.Json.JsonException("Expected a string for HealthResponseStatus.");
            }

            if (reader.ValueTextEquals("ok"))
            {
                return global::CelerData.Generated.Tests.HandWritten.HealthResponseStatus.Ok;
            }

            if (reader.ValueTextEquals("degraded"))
            {
                return global::CelerData.Generated.Tests.HandWritten.HealthResponseStatus.Degraded;
            }

            throw new global::System.Text.Json.JsonException("The value is not one of the values of HealthResponseStatus.");
        }

        /// <inheritdoc/>
        public override void Write(global::System.Text.Json.Utf8JsonWriter writer, global::CelerData.Generated.Tests.HandWritten.HealthResponseStatus value, global::System.Text.Json.JsonSerializerOptions options)
        {
            switch (value)
            {
                case global::CelerData.Generated.Tests.HandWritten.HealthResponseStatus.Ok:
                    writer.WriteStringValue(s_value0);
                    return;
                case global::CelerData.Generated.Tests.HandWritten.HealthResponseStatus.Degraded:
                    writer.WriteStringValue(s_value1);
                    return;
                default:
                    throw new global::System.Text.Json.JsonException("The value is not one of the values of HealthResponseStatus.");
            }
        }
    }
}
