#!/usr/bin/env python3
"""test_export_voice_lang: a German and a Spanish lesson exported with the voice (--voice,
issue 26: eSpeak NG speaks them; flite speaks English only).

    test_export_voice_lang.py XENTLAB SPEECH_TEXT DATA OUTDIR

DATA/de/voice-short.lesson and DATA/es/voice-short.lesson (two pages, translations of
DATA/voice-short.lesson) are recorded with --voice at 640x360, 10 fps, and measured:
  - the captions are the translation's sentences (German, Spanish), not the English;
  - the track speaks where the captions say: in each cue the loudest 50 ms is above
    -30 dBFS and speech (above -40 dB) starts within 0.25 s of the cue; between the cues
    and on the cards the track is near silence (every 50 ms below -50 dBFS);
  - the speech lasts as long as eSpeak NG's own program takes to say the same words
    (`espeak-ng -v LANG -s 150`, the words from SPEECH_TEXT --lang LANG), within 15%:
    every word was said, none twice, at the voice's pace;
  - a second export gives the same sound (decoded audio's MD5).
Exits 77 (skipped) without ffmpeg, or when the build has no German/Spanish voice; then it
checks the refusal's message instead."""
import os
import re
import shutil
import struct
import subprocess
import sys
import math

PASSED = []
FAILED = []
RATE = 16000


def check(name, ok, detail=''):
    (PASSED if ok else FAILED).append(name)
    print(('ok   ' if ok else 'FAIL ') + name + (': ' + detail if detail else ''), flush=True)


def run(cmd, **kw):
    kw.setdefault('text', True)
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def srt_cues(path):
    cues = []
    for block in open(path, encoding='utf-8').read().strip().split('\n\n'):
        lines = block.split('\n')
        m = re.match(r'(\d+):(\d+):(\d+),(\d+) --> (\d+):(\d+):(\d+),(\d+)', lines[1])
        t = [int(x) for x in m.groups()]
        cues.append((t[0] * 3600 + t[1] * 60 + t[2] + t[3] / 1000, t[4] * 3600 + t[5] * 60 + t[6] + t[7] / 1000,
                     ' '.join(lines[2:])))
    return cues


def samples(path, *extra):
    """The first audio track as 16-bit mono samples at RATE."""
    raw = run(['ffmpeg', '-v', 'error', *extra, '-i', path, '-map', '0:a:0', '-ac', '1', '-ar', str(RATE), '-f',
               's16le', '-'], text=False).stdout
    return struct.unpack('<%dh' % (len(raw) // 2), raw)


def db(block):
    if not block:
        return -120.0
    r = math.sqrt(sum(x * x for x in block) / len(block))
    return 20 * math.log10(r / 32768.0) if r > 0 else -120.0


def levels(s):
    """dBFS of each 50 ms."""
    w = RATE // 20
    return [db(s[i:i + w]) for i in range(0, len(s) - w + 1, w)]


def speech_seconds(s, floor_db=-40.0):
    """Seconds of s between its first and last 10 ms louder than floor_db, minus the
    pauses of more than 0.3 s inside (as silencedetect counts speech)."""
    w = RATE // 100
    loud = [db(s[i:i + w]) > floor_db for i in range(0, len(s) - w + 1, w)]
    total, run_quiet, started = 0, 0, False
    for x in loud:
        if x:
            total += 1 + (run_quiet if started and run_quiet <= 30 else 0)
            run_quiet, started = 0, True
        elif started:
            run_quiet += 1
    return total / 100.0


def main():
    xentlab, speech_text, data, out = sys.argv[1:5]
    if not shutil.which('ffmpeg'):
        print('skipped: no ffmpeg')
        return 77
    os.makedirs(out, exist_ok=True)
    expect = {'de': ('Das Modell sagt Regen', 'Seine Überraschung ist'),
              'es': ('El modelo dice lluvia', '¿Su sorpresa?')}
    english = ('The model says', 'Its surprise')
    for lang in ('de', 'es'):
        lesson = os.path.join(data, lang, 'voice-short.lesson')
        video = os.path.join(out, lang + '.mp4')
        cmd = [xentlab, '--record', video, '--lesson', lesson, '--voice', '--size', '640x360', '--fps', '10',
               '--force']
        r = run(cmd)
        if r.returncode != 0 and 'this build has no voice for it' in r.stderr:
            print('skipped: ' + r.stderr.strip())
            check('the refusal names the lesson and eSpeak NG', lesson in r.stderr and 'eSpeak NG' in r.stderr,
                  r.stderr.strip())
            return 77 if not FAILED else 1
        check('%s: the export succeeds' % lang, r.returncode == 0, r.stderr.strip()[-400:])
        if r.returncode != 0:
            continue
        said = re.search(r'the voice said ([0-9.]+) s of speech', r.stderr)
        cues = srt_cues(os.path.join(out, lang + '.srt'))
        text = ' '.join(c[2] for c in cues)
        check('%s: the captions are the translation (%d cues)' % (lang, len(cues)),
              all(e in text for e in expect[lang]) and not any(e in text for e in english), text)

        s = samples(video)
        lv = levels(s)
        length = len(s) / RATE
        # In each cue: loud (speech); speech starts with it.
        quiet_cues = []
        late = []
        for start, end, words in cues:
            inside = lv[int(start * 20):int(end * 20)]
            top = max(inside) if inside else -120.0
            if top < -30.0:
                quiet_cues.append((start, words, round(top, 1)))
            onset = next((i / 20 for i in range(int(start * 20), int(end * 20)) if i < len(lv) and lv[i] > -40.0),
                         None)
            if onset is None or onset - start > 0.25:
                late.append((start, onset))
        check('%s: speech in every cue (loudest 50 ms above -30 dBFS)' % lang, not quiet_cues,
              'per cue %s' % [round(max(lv[int(c[0] * 20):int(c[1] * 20)]), 1) for c in cues] if not quiet_cues
              else str(quiet_cues))
        check('%s: speech starts within 0.25 s of each cue' % lang, not late, str(late))
        # Outside the cues (cards, breaths between them): near silence.
        covered = set()
        for start, end, _ in cues:
            covered.update(range(int(start * 20) - 1, int(math.ceil(end * 20)) + 1))
        outside = [(i / 20, round(x, 1)) for i, x in enumerate(lv) if i not in covered]
        loud_out = [o for o in outside if o[1] > -50.0]
        check('%s: near silence outside the cues (%.1f s, loudest %.1f dBFS)'
              % (lang, len(outside) / 20, max([o[1] for o in outside] or [-120.0])),
              outside and not loud_out, str(loud_out[:8]))
        check('%s: the video is a few seconds long (%.1f s)' % (lang, length), 6.0 < length < 30.0)

        # The words each segment says, said by eSpeak NG's own program at the same pace:
        # as long as the export's speech, within 15%.
        if not shutil.which('espeak-ng'):
            check('%s: espeak-ng, to compare the speech\'s length with (scripts/test.sh installs it)' % lang, False)
        else:
            lines = run([speech_text, '--lang', lang, lesson]).stdout.splitlines()
            ref = 0.0
            for line in lines:
                parts = line.split('\t')
                if len(parts) != 4 or parts[2] == 'unread':
                    continue
                wav = run(['espeak-ng', '-v', lang, '-s', '150', '--stdout', parts[3]], text=False).stdout
                pcm = wav[44:]
                ref += speech_seconds(struct.unpack('<%dh' % (len(pcm) // 2), pcm)) * 1.0
            # espeak-ng's program writes 22050 Hz: its samples counted at their own rate.
            ref *= RATE / 22050.0
            got = speech_seconds(s)
            check('%s: %.2f s of speech, espeak-ng says the same words in %.2f s (within 15%%)' % (lang, got, ref),
                  ref > 0 and abs(got - ref) <= 0.15 * ref, 'the exporter reported %s s' % (said.group(1) if said else '?'))

        again = os.path.join(out, lang + '-again.mp4')
        run(cmd[:2] + [again] + cmd[3:])
        md5 = [run(['ffmpeg', '-v', 'error', '-i', v, '-map', '0:a:0', '-f', 'md5', '-']).stdout for v in (video, again)]
        check('%s: the same lesson gives the same sound' % lang, md5[0] == md5[1] and md5[0].startswith('MD5='),
              str(md5))

    # A language no voice speaks is refused before anything is made, with what to do.
    fr = os.path.join(out, 'fr-lessons')
    os.makedirs(os.path.join(fr, 'fr'), exist_ok=True)
    shutil.copy(os.path.join(data, 'voice-short.lesson'), fr)
    shutil.copy(os.path.join(data, 'voice-short.lesson'), os.path.join(fr, 'fr'))
    video = os.path.join(out, 'fr.mp4')
    r = run([xentlab, '--record', video, '--lesson', os.path.join(fr, 'fr', 'voice-short.lesson'), '--voice',
             '--size', '640x360', '--fps', '10', '--force'])
    check('a French lesson is refused with the voice\'s languages',
          r.returncode == 1 and "speaks English, German and Spanish" in r.stderr and "'fr'" in r.stderr
          and not os.path.exists(video), r.stderr.strip())

    print('%d passed, %d failed' % (len(PASSED), len(FAILED)))
    return 1 if FAILED else 0


if __name__ == '__main__':
    sys.exit(main())
