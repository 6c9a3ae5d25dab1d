#!/usr/bin/env bash
# A site whose every story closes with «رابط الخبر بصحيفة الوئام: <title>»: the reading pane
# shows the line, the sidebar lists the story's people and places but neither الخبر nor الوئام
# (furniture learned from the collection, tests/data/furniture).
source "$(dirname "$0")/lib.sh"
qari=$1

# the sidebar: the last column of the screen, after the reading pane's border
sidebar() { e2e_screen | awk -F'│' 'NF >= 3 { print $NF }'; }
sidebar_has() { sidebar | grep -qF -- "$1"; }
# its entities: the rows above "Related stories" (a story's own line may name its paper)
entities_lack() { ! sidebar | sed '/Related stories/,$d' | grep -qF -- "$1"; }

e2e_start 120 32 "$qari" --bidi terminal "$QARI_TEST_DATA/furniture"
e2e_check "list shown" e2e_wait "معرض الكتاب في القطيف"
e2e_keys Enter
e2e_check "article open" e2e_wait "line 1/"
e2e_check "the link line is in the reading pane" e2e_wait "رابط الخبر بصحيفة الوئام"
e2e_check "index complete: related stories listed" e2e_wait "Related stories" 60
e2e_check "the story's person in the sidebar" sidebar_has "عادل الغامدي"
e2e_check "no furniture place among the entities" entities_lack "الخبر"
e2e_check "no furniture paper among the entities" entities_lack "الوئام"
e2e_keys Q
e2e_check "clean exit" e2e_exited
e2e_finish
