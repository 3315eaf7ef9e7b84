#!/usr/bin/env python3
"""test_export_voice: a lesson exported with the synthesized voice (--voice, issue 25).

    test_export_voice.py XENTLAB SPEECH_TEXT LESSON OUTDIR

tests/data/voice.lesson (a formula, a question with its answer, a 3-s play) is recorded with
--voice at 640x360, 10 fps, and the video is measured, not trusted:
  - it has an AAC track at 48 kHz and a mov_text subtitle track; the track's integrated
    loudness is -16 LUFS (EBU R128, ebur128) within 1 LU;
  - the voice is there and not silent: speech (above -40 dB) fills most of the recording
    between the title card and the end card, and is silent during the cards;
  - the captions follow the speech: every stretch of speech begins within 0.25 s after a
    caption's start, and every caption that follows a pause begins a stretch of speech;
    every cue keeps the limits (2 lines of 42 characters, 1.3 s, 17 characters a second,
    no overlap);
  - a page lasts as long as its voice: no chapter ends while speech is heard in it, the
    play's steps come after the sentence that announces it;
  - pocketsphinx understands it: the word error rate of its transcript against the words
    xentlab says (SPEECH_TEXT, tests/speech_text.c) is under 0.5 (0.33 measured; a
    silent or scrambled track scores 1.0);
  - the same lesson gives the same sound: a second export's decoded audio is identical.
Exits 77 (skipped) without ffmpeg; pocketsphinx missing skips only its check."""
import json
import os
import re
import shutil
import subprocess
import sys

PASSED = []
FAILED = []


def check(name, ok, detail=''):
    (PASSED if ok else FAILED).append(name)
    print(('ok   ' if ok else 'FAIL ') + name + (': ' + detail if detail else ''))


def run(cmd, **kw):
    kw.setdefault('text', True)
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def srt_cues(path):
    cues = []
    for block in open(path, encoding='utf-8').read().strip().split('\n\n'):
        lines = block.split('\n')
        m = re.match(r'(\d+):(\d+):(\d+),(\d+) --> (\d+):(\d+):(\d+),(\d+)', lines[1])
        t = [int(x) for x in m.groups()]
        start = t[0] * 3600 + t[1] * 60 + t[2] + t[3] / 1000
        end = t[4] * 3600 + t[5] * 60 + t[6] + t[7] / 1000
        cues.append((start, end, lines[2:]))
    return cues


def speech_stretches(path):
    """[(start, end)] of sound above -40 dB, from ffmpeg's silencedetect (0.3-s gaps)."""
    err = run(['ffmpeg', '-hide_banner', '-i', path, '-map', '0:a:0', '-af', 'silencedetect=n=-40dB:d=0.3',
               '-f', 'null', '-']).stderr
    starts = [float(x) for x in re.findall(r'silence_start: ([0-9.]+)', err)]
    ends = [float(x) for x in re.findall(r'silence_end: ([0-9.]+)', err)]
    length = float(run(['ffprobe', '-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0',
                        path]).stdout.strip())
    # Speech runs from each silence's end to the next silence's start.
    stretches = []
    if not starts or starts[0] > 0.01:
        stretches.append((0.0, starts[0] if starts else length))
    for i, e in enumerate(ends):
        stretches.append((e, starts[i + 1] if i + 1 < len(starts) else length))
    return [s for s in stretches if s[1] - s[0] > 0.05], length


def words(text):
    return re.sub(r"[^a-z' ]", ' ', text.lower().replace('-', ' ')).split()


def wer(ref, hyp):
    prev = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        cur = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r != h))
        prev = cur
    return prev[-1] / max(1, len(ref))


def main():
    xentlab, speech_text, lesson, out = sys.argv[1:5]
    if not shutil.which('ffmpeg') or not shutil.which('ffprobe'):
        print('skipped: no ffmpeg')
        return 77
    os.makedirs(out, exist_ok=True)
    video = os.path.join(out, 'voice.mp4')
    cmd = [xentlab, '--record', video, '--lesson', lesson, '--voice', '--size', '640x360', '--fps', '10', '--force']
    r = run(cmd)
    if r.returncode != 0 and 'has no synthesized voice' in r.stderr:
        print('skipped: this build has no voice: ' + r.stderr.strip())
        return 77
    check('the export succeeds', r.returncode == 0, r.stderr.strip()[-400:])
    if r.returncode != 0:
        return 1

    probe = json.loads(run(['ffprobe', '-v', 'error', '-show_streams', '-show_chapters', '-of', 'json', video]).stdout)
    kinds = {s['codec_type']: s for s in probe['streams']}
    audio = kinds.get('audio', {})
    check('an AAC track at 48 kHz', audio.get('codec_name') == 'aac' and audio.get('sample_rate') == '48000',
          str(audio.get('codec_name')) + ' ' + str(audio.get('sample_rate')))
    check('a mov_text subtitle track', kinds.get('subtitle', {}).get('codec_name') == 'mov_text')
    lufs = re.findall(r'I:\s+(-?[0-9.]+) LUFS', run(['ffmpeg', '-hide_banner', '-i', video, '-map', '0:a:0', '-af',
                                                    'ebur128', '-f', 'null', '-']).stderr)
    loud = float(lufs[-1]) if lufs else None
    check('loudness -16 LUFS within 1 LU', loud is not None and abs(loud + 16.0) <= 1.0, '%s LUFS' % loud)

    chapters = [(float(c['start_time']), float(c['end_time'])) for c in probe.get('chapters', [])]
    stretches, length = speech_stretches(video)
    cues = srt_cues(os.path.join(out, 'voice.srt'))
    lead = cues[0][0]  # the title card: the first caption starts when it ends
    tail_from = chapters[-1][1] - 3.0 if chapters else length
    spoken = sum(min(e, tail_from) - max(s, lead) for s, e in stretches if e > lead and s < tail_from)
    check('speech fills most of the lesson', spoken > 0.5 * (tail_from - lead),
          '%.1f s of speech in %.1f s' % (spoken, tail_from - lead))
    check('the cards are silent', all(s >= lead - 0.01 and e <= tail_from + 0.5 for s, e in stretches),
          str([(round(s, 2), round(e, 2)) for s, e in stretches if s < lead or e > tail_from + 0.5]))

    starts = [c[0] for c in cues]
    late = [s for s, e in stretches if not any(0 <= s - c <= 0.25 for c in starts)]
    check('every stretch of speech starts with a caption', not late, 'unmatched onsets %s' % late)
    after_pause = [c[0] for i, c in enumerate(cues) if i == 0 or c[0] - cues[i - 1][1] > 0.3]
    silent = [c for c in after_pause if not any(0 <= s - c <= 0.25 for s, e in stretches)]
    check('every caption after a pause starts speech', not silent, 'silent cues at %s' % silent)
    bad = []
    for i, (s, e, lines) in enumerate(cues):
        chars = sum(len(x) for x in lines)
        if len(lines) > 2 or any(len(x) > 42 for x in lines) or e - s < 1.3 - 0.001 or chars / (e - s) > 17.0 + 1e-6 \
                or (i and s < cues[i - 1][1]):
            bad.append((s, lines))
    check('every cue within the limits (%d cues)' % len(cues), cues and not bad, str(bad))

    # A chapter never ends while its speech goes on (a page lasts as long as its voice).
    cut = [c for c in chapters[:-1] if any(s < c[1] - 0.05 < e for s, e in stretches)]
    check('no page turns while it is spoken', chapters and not cut, str(cut))
    # The play (page 3) starts after "... step by step." is said: its frames change only then.
    last = cues[-1]
    # Decoded from a lossy codec, a still scene can differ by a few pixels of encoding
    # noise where a keyframe falls (seen: 5 of 230,400); a step of the play changes
    # thousands (the bars, the arrows, the readouts). Count the pixels that really changed.
    def gray(t):
        return run(['ffmpeg', '-v', 'error', '-ss', '%.2f' % t, '-i', video, '-frames:v', '1', '-f', 'rawvideo',
                    '-pix_fmt', 'gray', '-'], text=False).stdout
    def changed(x, y):
        return sum(1 for p, q in zip(x, y) if abs(p - q) > 24) + abs(len(x) - len(y))
    a, b, c = gray(last[0] + 0.3), gray(last[0] + 0.8), gray(last[1] + 1.0)
    still, moved = changed(a, b), changed(b, c)
    check('the play waits while its sentence is said', a and still < 50,
          '%d pixels change while the voice speaks' % still)
    check('then the play runs', moved > 500, '%d pixels change after the sentence' % moved)

    if shutil.which('pocketsphinx_continuous') and os.path.isdir('/usr/share/pocketsphinx/model/en-us/en-us'):
        wav = os.path.join(out, 'voice16.wav')
        run(['ffmpeg', '-v', 'error', '-y', '-i', video, '-map', '0:a:0', '-ac', '1', '-ar', '16000', wav])
        model = '/usr/share/pocketsphinx/model/en-us/'
        hyp = run(['pocketsphinx_continuous', '-infile', wav, '-hmm', model + 'en-us', '-lm', model + 'en-us.lm.bin',
                   '-dict', model + 'cmudict-en-us.dict']).stdout
        ref = ' '.join(line.split('\t')[3] for line in run([speech_text, lesson]).stdout.splitlines() if '\t' in line)
        rate = wer(words(ref), words(hyp))
        check('pocketsphinx understands the voice (WER < 0.5)', rate < 0.5, 'WER %.2f over %d words' % (rate, len(words(ref))))
    else:
        print('skip pocketsphinx: not installed')

    again = os.path.join(out, 'again.mp4')
    run(cmd[:2] + [again] + cmd[3:])
    md5 = [run(['ffmpeg', '-v', 'error', '-i', v, '-map', '0:a:0', '-f', 'md5', '-']).stdout for v in (video, again)]
    check('the same lesson gives the same sound', md5[0] == md5[1] and md5[0].startswith('MD5='), str(md5))

    print('%d passed, %d failed' % (len(PASSED), len(FAILED)))
    return 1 if FAILED else 0


if __name__ == '__main__':
    sys.exit(main())
