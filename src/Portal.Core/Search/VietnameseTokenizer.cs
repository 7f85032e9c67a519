using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Portal.Core.Search;

/// <summary>
/// Splits text into words, keeping a document number or a procedure code whole and also in parts:
/// "2718/QĐ-UBND" gives "2718/QĐ-UBND", then "2718", "QĐ", "UBND"; "2.000815" gives "2.000815",
/// "2", "000815". The whole token and its first part share one position and the other parts follow,
/// so "2718" alone, the whole number and a phrase of its parts all match. A connector (/ - . _)
/// joins only when a letter or digit stands on both sides: the full stop ending "UBND." does not.
/// Each token is NFC; offsets are the raw input's, so highlighting marks the text as stored.
/// </summary>
internal sealed class VietnameseTokenizer : Tokenizer
{
    // Longer runs are not words (pasted base64, URLs without spaces) and would bloat the index.
    private const int MaxTokenLength = 255;

    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _position;
    private readonly Queue<(string Text, int Start, int End, int Increment)> _pending = new();
    private readonly List<(int Start, int End)> _parts = [];
    private string _text = "";
    private int _cursor;
    private bool _read;

    public VietnameseTokenizer(TextReader input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        if (!_read)
        {
            _text = m_input.ReadToEnd();
            _read = true;
        }

        while (_pending.Count == 0)
        {
            if (!ScanNext())
            {
                return false;
            }
        }

        var (text, start, end, increment) = _pending.Dequeue();
        _term.SetEmpty().Append(text);
        _offset.SetOffset(CorrectOffset(start), CorrectOffset(end));
        _position.PositionIncrement = increment;
        return true;
    }

    public override void End()
    {
        base.End();
        var final = CorrectOffset(_text.Length);
        _offset.SetOffset(final, final);
    }

    public override void Reset()
    {
        base.Reset();
        _text = "";
        _cursor = 0;
        _read = false;
        _pending.Clear();
    }

    // Finds the next run of words joined by connectors and queues its tokens; false at the end.
    private bool ScanNext()
    {
        while (_cursor < _text.Length && !IsWordChar(_text[_cursor]))
        {
            _cursor++;
        }

        if (_cursor >= _text.Length)
        {
            return false;
        }

        _parts.Clear();
        var start = _cursor;
        while (true)
        {
            var partStart = _cursor;
            while (_cursor < _text.Length && IsWordChar(_text[_cursor]))
            {
                _cursor++;
            }

            _parts.Add((partStart, _cursor));
            if (_cursor + 1 < _text.Length && IsConnector(_text[_cursor]) && IsWordChar(_text[_cursor + 1]))
            {
                _cursor++;
                continue;
            }

            break;
        }

        if (_cursor - start > MaxTokenLength)
        {
            return true;
        }

        if (_parts.Count == 1)
        {
            Queue(start, _cursor, 1);
            return true;
        }

        Queue(start, _cursor, 1);
        for (var i = 0; i < _parts.Count; i++)
        {
            Queue(_parts[i].Start, _parts[i].End, i == 0 ? 0 : 1);
        }

        return true;
    }

    private void Queue(int start, int end, int increment) =>
        _pending.Enqueue((VietnameseText.Normalize(_text[start..end]), start, end, increment));

    private static bool IsConnector(char c) => c is '/' or '-' or '.' or '_';

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c)
            is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
