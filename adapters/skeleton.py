#!/usr/bin/env python3
"""A complete rbank environment in 30 lines: replace the game logic. Protocol: docs/environment-protocol.md."""
import json, sys

TASKS = {"t1": "Say hello to the user.", "t2": "Say goodbye to the user."}
GUIDE = "Actions: say('text') sends text to the user and ends the task; look() describes the room."
state = {}

def reset(p):
    state.update(task=p["task_id"], said=None)
    return {"observation": {"text": "An empty room.", "valid_actions": ["say('text')", "look()"]}}

def step(p):
    action = p["action"].strip()
    if action.startswith("say(") and action.endswith(")"):
        state["said"] = action[4:-1].strip("'\"")
        return {"observation": {"text": "Said."}, "done": True, "answer": state["said"]}
    return {"observation": {"text": "Still an empty room." if action == "look()" else f"Error: unknown action {action}"}, "done": False}

def evaluate(p):
    word = TASKS[state["task"]].split()[1]  # hello / goodbye
    return {"ground_truth": {"success": (state["said"] or "").lower().startswith(word), "expected": word}}

METHODS = {"hello": lambda p: {"protocol": 1, "name": "skeleton", "action_guide": GUIDE},
           "tasks": lambda p: {"tasks": [{"id": k, "query": v} for k, v in TASKS.items()]},
           "reset": reset, "step": step, "evaluate": evaluate, "close": lambda p: {},
           "final_state": lambda p: {"text": f"The agent said: {state.get('said')!r}"}}

for line in sys.stdin:
    request = json.loads(line)
    try: reply = {"id": request["id"], "result": METHODS[request["method"]](request.get("params") or {})}
    except Exception as error: reply = {"id": request.get("id"), "error": {"message": repr(error)}}
    print(json.dumps(reply), flush=True)
    if request.get("method") == "close": break
