#!/usr/bin/env python3
"""The synthesizer chosen by a measure (issue 25): word error rates of pocketsphinx's
transcripts of each synthesizer's speech of the course.

    scripts/voice_wer.py                       # every setting, every lesson
    scripts/voice_wer.py --settings espeak-en-us-160,flite-slt --lessons lessons/04-*.lesson

What each voice says is what the program's voice says: build/tests/speech_text prints the
words of every page's title, paragraphs, questions (with their answers) and reveals (the
right answer and the why), read by xl_speech with the pages' @say rules. Each lesson is
synthesized whole by the synthesizer's command-line tool, configured as src/app/ui_voice.c
configures the library (voice, rate), resampled to 16 kHz mono for pocketsphinx
(pocketsphinx_continuous, the en-us model of pocketsphinx-en-us), and the transcript is
compared with the words: WER = (substitutions + deletions + insertions) / reference
words, by edit distance over words. The rate in words a minute is the reference's words
over the audio's length. Results are kept in --work (default build/voice-wer) so a
rerun only does what is missing; the table is printed as Markdown (docs/voice.md).

Run by hand, not in CI: the whole course is about 6,400 words, 40 minutes of speech per
setting, and pocketsphinx decodes at about 0.4x real time on one core.
"""
import argparse
import concurrent.futures
import glob
import json
import os
import re
import subprocess
import sys
import wave

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODEL = '/usr/share/pocketsphinx/model/en-us'

# name: (synthesizer, voice, rate). espeak-ng's rate is words a minute (-s); flite's is
# its duration_stretch (1 is the voice's own pace, larger is slower).
SETTINGS = {
    'espeak-en-us-150': ('espeak', 'en-us', 150),
    'espeak-en-us-160': ('espeak', 'en-us', 160),
    'espeak-en-us+f3-155': ('espeak', 'en-us+f3', 155),
    'flite-kal16': ('flite', 'kal16', 1.06),
    'flite-kal16-1.15': ('flite', 'kal16', 1.15),
    'flite-slt': ('flite', 'slt', 1.09),
    'flite-rms': ('flite', 'rms', 0.92),
    'flite-rms-1.0': ('flite', 'rms', 1.0),   # the program's voice (src/app/ui_voice.c)
}


def words(text):
    text = text.lower().replace('-', ' ')
    return re.sub(r"[^a-z' ]", ' ', text).split()


def edits(ref, hyp):
    """Levenshtein distance over words."""
    prev = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        cur = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r != h))
        prev = cur
    return prev[-1]


def lesson_text(speech_text, path):
    out = subprocess.run([speech_text, path], capture_output=True, text=True, check=True).stdout
    lines = []
    for line in out.splitlines():
        f = line.split('\t')
        if len(f) == 4 and f[2] != 'unread':
            s = f[3].strip()
            lines.append(s if s.endswith(('.', '?', '!', ':')) else s + '.')
    return '\n'.join(lines) + '\n'


def synthesize(setting, text_file, wav16):
    synth, voice, rate = SETTINGS[setting]
    raw = wav16 + '.raw.wav'
    if synth == 'espeak':
        subprocess.run(['espeak-ng', '-v', voice, '-s', str(rate), '-f', text_file, '-w', raw], check=True,
                       capture_output=True)
    else:
        subprocess.run(['flite', '-voice', voice, '--setf', 'duration_stretch=%g' % rate, '-f', text_file,
                        '-o', raw], check=True, capture_output=True)
    subprocess.run(['sox', raw, '-r', '16000', '-c', '1', '-b', '16', wav16], check=True)
    os.remove(raw)
    with wave.open(wav16) as w:
        return w.getnframes() / w.getframerate()


def transcribe(wav16):
    r = subprocess.run(['pocketsphinx_continuous', '-hmm', MODEL + '/en-us', '-lm', MODEL + '/en-us.lm.bin',
                        '-dict', MODEL + '/cmudict-en-us.dict', '-infile', wav16, '-logfn', '/dev/null'],
                       capture_output=True, text=True, check=True)
    return r.stdout


def one(job):
    setting, lesson, work, speech_text = job
    key = '%s/%s' % (setting, os.path.basename(lesson))
    cache = os.path.join(work, setting, os.path.basename(lesson) + '.json')
    if os.path.exists(cache):
        with open(cache) as f:
            return key, json.load(f)
    os.makedirs(os.path.dirname(cache), exist_ok=True)
    text = lesson_text(speech_text, lesson)
    text_file = cache[:-5] + '.txt'
    with open(text_file, 'w') as f:
        f.write(text)
    wav16 = cache[:-5] + '.wav'
    seconds = synthesize(setting, text_file, wav16)
    hyp = transcribe(wav16)
    os.remove(wav16)
    ref = words(text)
    res = {'words': len(ref), 'errors': edits(ref, words(hyp)), 'seconds': seconds, 'hypothesis': hyp}
    with open(cache, 'w') as f:
        json.dump(res, f)
    return key, res


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--lessons', nargs='*', default=sorted(glob.glob(os.path.join(ROOT, 'lessons', '*.lesson'))))
    ap.add_argument('--settings', default=','.join(SETTINGS))
    ap.add_argument('--speech-text', default=os.path.join(ROOT, 'build', 'tests', 'speech_text'))
    ap.add_argument('--work', default=os.path.join(ROOT, 'build', 'voice-wer'))
    ap.add_argument('--jobs', type=int, default=2)
    a = ap.parse_args()
    settings = [s for s in a.settings.split(',') if s]
    for s in settings:
        if s not in SETTINGS:
            sys.exit('voice_wer.py: unknown setting %s (%s)' % (s, ', '.join(SETTINGS)))
    jobs = [(s, l, a.work, a.speech_text) for s in settings for l in a.lessons]
    results = {}
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as ex:
        for key, res in ex.map(one, jobs):
            results[key] = res
            print('%-28s %5d words %5.1f%% WER %5.0f wpm' % (key, res['words'], 100.0 * res['errors'] / res['words'],
                  60.0 * res['words'] / res['seconds']), file=sys.stderr)
    names = [os.path.basename(l) for l in a.lessons]
    print('| lesson | words | ' + ' | '.join(settings) + ' |')
    print('| --- | ---: | ' + ' | '.join('---:' for _ in settings) + ' |')
    for n in names:
        w = results['%s/%s' % (settings[0], n)]['words']
        cells = ['%.1f%%' % (100.0 * results['%s/%s' % (s, n)]['errors'] / results['%s/%s' % (s, n)]['words'])
                 for s in settings]
        print('| %s | %d | %s |' % (n.replace('.lesson', ''), w, ' | '.join(cells)))
    tot = []
    rate = []
    for s in settings:
        e = sum(results['%s/%s' % (s, n)]['errors'] for n in names)
        w = sum(results['%s/%s' % (s, n)]['words'] for n in names)
        sec = sum(results['%s/%s' % (s, n)]['seconds'] for n in names)
        tot.append('**%.1f%%**' % (100.0 * e / w))
        rate.append('%.0f' % (60.0 * w / sec))
    allw = sum(results['%s/%s' % (settings[0], n)]['words'] for n in names)
    print('| **all** | %d | %s |' % (allw, ' | '.join(tot)))
    print('| words a minute | | %s |' % ' | '.join(rate))


if __name__ == '__main__':
    main()
