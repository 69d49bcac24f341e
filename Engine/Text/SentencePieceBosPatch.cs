using Google.Protobuf;

namespace DreamOmni2.Engine.Text;

/// <summary>
/// Lets Microsoft.ML.Tokenizers 2.0.1 load SentencePiece models trained without a BOS piece (bos_id = −1), as T5's
/// spiece.model is: its Unigram loader indexes its piece table with bos_id and throws IndexOutOfRangeException.
/// </summary>
/// <remarks>
/// The patch appends a second <c>trainer_spec</c> to the ModelProto holding only bos_id = eos_id and
/// bos_piece = eos_piece; protobuf merges repeated message fields, so the loader sees the EOS piece twice and no
/// invalid index. Nothing else changes, and BOS is never emitted because the tokenizer is created without it.
/// </remarks>
internal static class SentencePieceBosPatch
{
    private const int TrainerSpecField = 2;
    private const int BosIdField = 41;
    private const int EosIdField = 42;
    private const int BosPieceField = 46;
    private const int EosPieceField = 47;

    public static byte[] Apply(byte[] model)
    {
        var (bosId, eosId, eosPiece) = ReadSpecialIds(model);
        if (bosId >= 0)
        {
            return model;
        }

        using var patch = new MemoryStream();
        using var spec = new CodedOutputStream(patch);
        spec.WriteTag(BosIdField, WireFormat.WireType.Varint);
        spec.WriteInt32(eosId);
        spec.WriteTag(BosPieceField, WireFormat.WireType.LengthDelimited);
        spec.WriteString(eosPiece);
        spec.Flush();

        using var patched = new MemoryStream(model.Length + (int)patch.Length + 8);
        patched.Write(model);
        using var output = new CodedOutputStream(patched);
        output.WriteTag(TrainerSpecField, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(patch.ToArray()));
        output.Flush();
        return patched.ToArray();
    }

    /// <summary>The trainer spec's bos_id, eos_id and eos_piece, with sentencepiece_model.proto's defaults.</summary>
    internal static (int BosId, int EosId, string EosPiece) ReadSpecialIds(byte[] model)
    {
        int bosId = 1, eosId = 2;
        string eosPiece = "</s>";
        using var input = new CodedInputStream(model);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) != TrainerSpecField)
            {
                input.SkipLastField();
                continue;
            }
            using var spec = new CodedInputStream(input.ReadBytes().ToByteArray());
            while ((tag = spec.ReadTag()) != 0)
            {
                switch (WireFormat.GetTagFieldNumber(tag))
                {
                    case BosIdField: bosId = spec.ReadInt32(); break;
                    case EosIdField: eosId = spec.ReadInt32(); break;
                    case EosPieceField: eosPiece = spec.ReadString(); break;
                    default: spec.SkipLastField(); break;
                }
            }
        }
        return (bosId, eosId, eosPiece);
    }
}
