#!/usr/bin/env python3
"""TextWorldExpress (https://github.com/cognitiveailab/TextWorldExpress) as an rbank environment.

Speaks rbank's environment protocol (docs/environment-protocol.md): one JSON object per line on
stdin/stdout; logs go to stderr. Run it with

    rbank run --env exec:'python3 adapters/textworld_express.py' --task coin-0

Task ids are `<game>-<seed>`: the game family and the seed of the generated game. The suite is
TWX_GAMES (default: coin,mapreader,sorting,arithmetic) × TWX_SEEDS seeds (default 0-9), interleaved so
that a suite's first tasks cover every family. The observation lists the valid actions; success is
the game's own `tasksuccess`. Needs `pip install textworld-express` and Java.
"""
import json
import os
import sys

PROTOCOL = 1

# This file shares its name with the package it wraps: take its own folder off the import path, so that
# `import textworld_express` finds the package, not this script.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path = [entry for entry in sys.path if os.path.abspath(entry or os.curdir) != _HERE]

# Small games, so an episode fits the agent's 30 steps; see the TextWorldExpress README for the parameters.
GAME_PARAMS = {
    "coin": "numLocations=4,includeDoors=0,numDistractorItems=0",
    "mapreader": "numLocations=4,maxDistanceApart=2,includeDoors=0,maxDistractorItemsPerLocation=0",
    "sorting": "",
    "arithmetic": "",
    "twc": "numLocations=1,numItemsToPutAway=1,includeDoors=0",
    "cookingworld": "numLocations=1,numIngredients=1,numDistractorItems=0,includeDoors=0,limitInventorySize=0",
    "simonsays": "",
    "peckingorder": "",
}

ACTION_GUIDE = """Act with exactly one of the valid actions listed under the observation, written as it is
listed, e.g. Action: take coin (or Action: move east). Actions that are not listed do nothing.
The episode ends when the game's task is done or lost; there is no separate answer action."""


def log(message):
    print(message, file=sys.stderr, flush=True)


class Game:
    def __init__(self):
        self.env = None
        self.infos = {}
        self.last = ""
        self.done = False
        self.moves = []

    def ensure_env(self):
        if self.env is None:
            from textworld_express import TextWorldExpressEnv  # imported late: the JVM starts here
            self.env = TextWorldExpressEnv(envStepLimit=100)
        return self.env

    def tasks(self):
        games = [g for g in os.environ.get("TWX_GAMES", "coin,mapreader,sorting,arithmetic").split(",") if g]
        seeds = parse_seeds(os.environ.get("TWX_SEEDS", "0-9"))
        tasks = []
        for seed in seeds:
            for game in games:
                tasks.append({"id": f"{game}-{seed}", "query": self.describe(game, seed)})
        return tasks

    def describe(self, game, seed):
        # The task description needs a generated game; it is the same text the reset observation gives.
        env = self.ensure_env()
        _, infos = env.reset(seed=seed, gameFold="train", gameName=game, gameParams=GAME_PARAMS.get(game, ""),
                             generateGoldPath=False)
        return infos["taskDescription"].strip()

    def reset(self, task_id):
        game, _, seed = task_id.rpartition("-")
        if not game or not seed.isdigit():
            raise ProtocolError(f"unknown task id {task_id!r}: task ids look like coin-0", "unknown_task")
        env = self.ensure_env()
        if game not in env.getGameNames():
            raise ProtocolError(f"unknown game {game!r}; games: {', '.join(env.getGameNames())}", "unknown_task")
        obs, infos = env.reset(seed=int(seed), gameFold="train", gameName=game,
                               gameParams=GAME_PARAMS.get(game, ""), generateGoldPath=True)
        self.infos, self.last, self.done, self.moves = infos, obs, False, []
        return self.observation(obs, infos, gold=env.getGoldActionSequence())

    def step(self, action):
        if self.env is None or not self.infos:
            raise ProtocolError("step before reset", "no_episode")
        if self.done:
            return {"observation": {"text": "The game is over.", "valid_actions": []}, "done": True}
        action = action.strip()
        valid = self.infos.get("validActions", [])
        if action not in valid:
            text = f"Error: '{action}' is not a valid action here. Valid actions: {', '.join(sorted(valid))}"
            return {"observation": {"text": text, "valid_actions": sorted(valid)}, "done": False}
        obs, reward, done, infos = self.env.step(action)
        self.infos, self.last, self.moves = infos, obs, self.moves + [action]
        self.done = bool(done or infos.get("tasksuccess") or infos.get("taskfailure"))
        return {"observation": self.observation(obs, infos), "done": self.done}

    def observation(self, text, infos, gold=None):
        info = {"score": infos.get("score"), "moves": infos.get("numMoves")}
        if gold is not None:
            info["gold_actions"] = gold
        return {"text": text.strip(), "valid_actions": sorted(infos.get("validActions", [])), "info": info}

    def final_state(self):
        if not self.infos:
            return "No game was played."
        return (f"Last observation: {self.last.strip()}\nMoves: {len(self.moves)}; score {self.infos.get('score')}; "
                f"task {'succeeded' if self.infos.get('tasksuccess') else 'failed' if self.infos.get('taskfailure') else 'not finished'}.")

    def evaluate(self):
        if not self.infos:
            return None
        success = bool(self.infos.get("tasksuccess"))
        return {"success": success, "expected": None,
                "detail": f"game score {self.infos.get('score')} after {len(self.moves)} moves"}


class ProtocolError(Exception):
    def __init__(self, message, code="error"):
        super().__init__(message)
        self.code = code


def parse_seeds(text):
    seeds = []
    for part in text.split(","):
        if "-" in part:
            low, high = part.split("-", 1)
            seeds.extend(range(int(low), int(high) + 1))
        elif part.strip():
            seeds.append(int(part))
    return seeds


def main():
    game = Game()
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        method, params, rid = request.get("method"), request.get("params") or {}, request.get("id")
        try:
            if method == "hello":
                result = {"protocol": PROTOCOL, "name": "textworld-express", "action_guide": ACTION_GUIDE}
            elif method == "tasks":
                result = {"tasks": game.tasks()}
            elif method == "reset":
                result = {"observation": game.reset(params["task_id"])}
            elif method == "step":
                result = game.step(params["action"])
            elif method == "final_state":
                result = {"text": game.final_state()}
            elif method == "evaluate":
                result = {"ground_truth": game.evaluate()}
            elif method == "close":
                print(json.dumps({"id": rid, "result": {}}), flush=True)
                break
            else:
                raise ProtocolError(f"unknown method {method!r}", "unknown_method")
            print(json.dumps({"id": rid, "result": result}), flush=True)
        except ProtocolError as error:
            print(json.dumps({"id": rid, "error": {"message": str(error), "code": error.code}}), flush=True)
        except Exception as error:  # the environment broke: say so, and keep serving
            log(f"textworld_express adapter: {type(error).__name__}: {error}")
            print(json.dumps({"id": rid, "error": {"message": f"{type(error).__name__}: {error}", "code": "internal"}}),
                  flush=True)


if __name__ == "__main__":
    main()
