#!/usr/bin/env python3
"""Generate data/tasks/qa.jsonl, the question set of the built-in QA world.

Deterministic and standard-library only: run it again and the file comes out byte for byte the same.
Every answer is computed here, never typed in by hand.

Eight families of questions. For each family a weak agent has a *naive* procedure that looks
plausible and is sometimes right, and there is a *correct* procedure that a learned strategy teaches:

  letter-count          count a letter in a word        naive: a doubled letter is counted once
  reverse-word          write a word backwards          naive: the first and last letters stay put
  fractional-hours      minutes in a decimal of hours   naive: 2.5 h read as 2 h 50 min
  date-diff             days between two dates          naive: every month has 30 days
  order-of-operations   evaluate + - * expressions      naive: strictly left to right
  percent-change        percent increase or decrease    naive: divide by the larger value
  last-letter-concat    join the last letters of words  naive: join the first letters
  alphabetical-first    first word in alphabetical order naive: the shortest word

Each line: {"id", "family", "question", "answer", "aliases", "naive_correct"}; `naive_correct` says
whether the naive procedure happens to give the right answer (about a third of the questions).
Ids interleave the families (qa-001 is the first letter-count question, qa-002 the first
reverse-word question, ...) so that a run in id order meets every family early and often.

Usage: python3 data/tasks/generate_qa.py [output path]   (default: qa.jsonl next to this script)
"""

import json
import os
import sys

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]


def format_number(value):
    """A number as the answer text: integers without a point, otherwise at most two decimals."""
    rounded = round(value + 0.0, 2)
    if rounded == int(rounded):
        return str(int(rounded))
    return ("%.2f" % rounded).rstrip("0").rstrip(".")


# --- letter-count -------------------------------------------------------------------------------

def letter_count_correct(letter, word):
    return sum(1 for c in word if c == letter)


def letter_count_naive(letter, word):
    """Counts the runs of the letter: a doubled letter is seen as one place."""
    runs, previous = 0, ""
    for c in word:
        if c == letter and previous != letter:
            runs += 1
        previous = c
    return runs


def letter_count(letter, word):
    question = "How many times does the letter '%s' appear in the word '%s'?" % (letter, word)
    answer = letter_count_correct(letter, word)
    naive = letter_count_naive(letter, word)
    return question, str(answer), [str(answer) + " times"], str(naive)


# --- reverse-word -------------------------------------------------------------------------------

def reverse_word(word):
    question = "Write the word '%s' with its letters in reverse order." % word
    answer = word[::-1]
    naive = word if len(word) < 3 else word[0] + word[1:-1][::-1] + word[-1]
    return question, answer, [], naive


# --- fractional-hours ---------------------------------------------------------------------------

def fractional_hours(hours_text):
    question = "How many minutes are in %s hours?" % hours_text
    whole, _, fraction = hours_text.partition(".")
    answer = format_number(float(hours_text) * 60)
    if fraction:
        minutes = int(fraction) * 10 if len(fraction) == 1 else int(fraction[:2])
        naive = format_number(int(whole or "0") * 60 + minutes)
    else:
        naive = format_number(int(whole) * 60)
    return question, answer, [answer + " minutes"], naive


# --- date-diff ----------------------------------------------------------------------------------

def is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def day_of_year(month, day, year):
    lengths = [31, 29 if is_leap(year) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return sum(lengths[: month - 1]) + day


def date_diff(month1, day1, month2, day2, year):
    question = "How many days are there between %s %d and %s %d, %d?" % (
        MONTHS[month1 - 1], day1, MONTHS[month2 - 1], day2, year)
    answer = abs(day_of_year(month2, day2, year) - day_of_year(month1, day1, year))
    naive = abs((month2 - month1) * 30 + (day2 - day1))
    return question, str(answer), [str(answer) + " days"], str(naive)


# --- order-of-operations ------------------------------------------------------------------------

def tokens(expression):
    parts = expression.split()
    return [int(p) if p.isdigit() else p for p in parts]


def evaluate_left_to_right(items):
    value = items[0]
    for index in range(1, len(items), 2):
        operator, operand = items[index], items[index + 1]
        value = value + operand if operator == "+" else value - operand if operator == "-" else value * operand
    return value


def evaluate_with_precedence(items):
    # First fold every multiplication into its left operand, then add and subtract left to right.
    folded = [items[0]]
    for index in range(1, len(items), 2):
        operator, operand = items[index], items[index + 1]
        if operator == "*":
            folded[-1] = folded[-1] * operand
        else:
            folded += [operator, operand]
    return evaluate_left_to_right(folded)


def order_of_operations(expression):
    question = "What is %s?" % expression
    items = tokens(expression)
    answer = evaluate_with_precedence(items)
    naive = evaluate_left_to_right(items)
    return question, str(answer), [], str(naive)


# --- percent-change -----------------------------------------------------------------------------

def percent_change(thing, old, new):
    if new > old:
        question = "The price of a %s went up from %d dollars to %d dollars. By what percent did it increase?" % (
            thing, old, new)
    else:
        question = "The price of a %s went down from %d dollars to %d dollars. By what percent did it decrease?" % (
            thing, old, new)
    change = abs(new - old)
    answer = format_number(change * 100.0 / old)
    naive = format_number(change * 100.0 / max(old, new))
    return question, answer, [answer + "%", answer + " percent"], naive


# --- last-letter-concat -------------------------------------------------------------------------

def last_letter_concat(phrase):
    question = "Take the last letter of each word in '%s' and join them together in order." % phrase
    words = phrase.split()
    answer = "".join(w[-1] for w in words)
    naive = "".join(w[0] for w in words)
    return question, answer, [], naive


# --- alphabetical-first -------------------------------------------------------------------------

def alphabetical_first(words):
    question = "Which word comes first in alphabetical order: %s?" % ", ".join("'%s'" % w for w in words)
    answer = min(words)
    shortest = min(len(w) for w in words)
    naive = next(w for w in words if len(w) == shortest)
    return question, answer, [], naive


# --- the set ------------------------------------------------------------------------------------

FAMILIES = [
    ("letter-count", [
        letter_count("r", "strawberry"),
        letter_count("l", "balloon"),
        letter_count("a", "banana"),
        letter_count("s", "mississippi"),
        letter_count("e", "bookkeeper"),
        letter_count("e", "elephant"),
        letter_count("t", "committee"),
        letter_count("e", "remember"),
    ]),
    ("reverse-word", [
        reverse_word("pineapple"),
        reverse_word("eclipse"),
        reverse_word("garden"),
        reverse_word("trumpet"),
        reverse_word("pocket"),
        reverse_word("kitchen"),
        reverse_word("yearly"),
        reverse_word("planet"),
    ]),
    ("fractional-hours", [
        fractional_hours("2.5"),
        fractional_hours("1.25"),
        fractional_hours("3"),
        fractional_hours("0.75"),
        fractional_hours("4.2"),
        fractional_hours("5"),
        fractional_hours("1.5"),
        fractional_hours("3.75"),
    ]),
    ("date-diff", [
        date_diff(3, 3, 7, 18, 2023),
        date_diff(4, 10, 5, 25, 2023),
        date_diff(1, 15, 4, 15, 2023),
        date_diff(2, 1, 3, 1, 2024),
        date_diff(6, 5, 8, 20, 2023),
        date_diff(9, 12, 10, 2, 2023),
        date_diff(1, 20, 3, 10, 2023),
        date_diff(5, 1, 12, 25, 2023),
    ]),
    ("order-of-operations", [
        order_of_operations("3 + 4 * 2"),
        order_of_operations("2 * 3 + 4"),
        order_of_operations("10 - 2 * 3"),
        order_of_operations("5 + 6 * 2 - 4"),
        order_of_operations("6 * 2 - 3"),
        order_of_operations("8 + 2 * 5 + 1"),
        order_of_operations("7 - 3 + 2"),
        order_of_operations("4 + 3 * 3 * 2"),
    ]),
    ("percent-change", [
        percent_change("lamp", 80, 100),
        percent_change("bicycle", 200, 150),
        percent_change("ticket", 50, 75),
        percent_change("backpack", 40, 50),
        percent_change("kettle", 120, 90),
        percent_change("guitar", 250, 300),
        percent_change("blanket", 50, 40),
        percent_change("notebook", 20, 30),
    ]),
    ("last-letter-concat", [
        last_letter_concat("apple banana cherry"),
        last_letter_concat("dad area tent"),
        last_letter_concat("moon light river"),
        last_letter_concat("stats gig eye"),
        last_letter_concat("green house cat"),
        last_letter_concat("level noon roar"),
        last_letter_concat("paper cloud stone"),
        last_letter_concat("music table lamp"),
    ]),
    ("alphabetical-first", [
        alphabetical_first(["pear", "fig", "banana"]),
        alphabetical_first(["kiwi", "apple", "mango"]),
        alphabetical_first(["ant", "zebra", "monkey"]),
        alphabetical_first(["tiger", "bee", "ox"]),
        alphabetical_first(["cat", "dolphin", "elephant"]),
        alphabetical_first(["river", "lake", "ocean"]),
        alphabetical_first(["melon", "plum", "grape"]),
        alphabetical_first(["orange", "yam", "carrot"]),
    ]),
]


def records():
    rows = []
    per_family = len(FAMILIES[0][1])
    for position in range(per_family):
        for family, questions in FAMILIES:
            question, answer, aliases, naive = questions[position]
            rows.append({
                "id": "qa-%03d" % (len(rows) + 1),
                "family": family,
                "question": question,
                "answer": answer,
                "aliases": aliases,
                "naive_correct": naive == answer,
            })
    return rows


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "qa.jsonl")
    rows = records()
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    right = sum(1 for row in rows if row["naive_correct"])
    sys.stderr.write("wrote %d questions in %d families to %s; the naive procedure is right on %d\n" % (
        len(rows), len(FAMILIES), path, right))


if __name__ == "__main__":
    main()
