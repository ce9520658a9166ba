// The DebtWatch dashboard: plain JavaScript against the public API with the key the user pastes.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  let org = "";
  let key = "";

  async function api(path) {
    const response = await fetch("api/v1/orgs/" + encodeURIComponent(org) + path, {
      headers: { "Authorization": "Bearer " + key, "Accept": "application/json" }
    });
    const text = await response.text();
    const body = text ? JSON.parse(text) : {};
    if (!response.ok) {
      throw new Error((body.title || ("HTTP " + response.status)) + (body.detail ? ": " + body.detail : ""));
    }
    return body;
  }

  function fields(target, values) {
    target.replaceChildren();
    Object.entries(values).forEach(([name, value]) => {
      if (value === undefined || value === null || typeof value === "object") {
        return;
      }
      const dt = document.createElement("dt");
      dt.textContent = name;
      const dd = document.createElement("dd");
      dd.textContent = String(value);
      target.append(dt, dd);
    });
  }

  function cell(text, className) {
    const td = document.createElement("td");
    td.textContent = text === undefined || text === null ? "–" : String(text);
    if (className) {
      td.className = className;
    }
    return td;
  }

  function showError(error) {
    $("error").textContent = error.message;
    $("error").hidden = false;
  }

  async function showScore(repo) {
    $("error").hidden = true;
    try {
      const score = await api("/repositories/" + encodeURIComponent(repo.id) + "/score");
      $("score-title").textContent = "Score of " + (repo.name || repo.url || repo.id);
      fields($("score-fields"), score);
      $("score-explanation").textContent = JSON.stringify(score.explanation || score, null, 2);
      $("score").hidden = false;
    } catch (error) {
      showError(error);
    }
  }

  async function gradeOf(repo) {
    try {
      return await api("/repositories/" + encodeURIComponent(repo.id) + "/score");
    } catch (error) {
      return {};
    }
  }

  async function load() {
    $("error").hidden = true;
    $("score").hidden = true;
    const summary = await api("/summary");
    fields($("summary-fields"), summary);
    $("summary").hidden = false;
    const page = await api("/repositories?size=100");
    const repos = page.items || page.repositories || (Array.isArray(page) ? page : []);
    const rows = $("repo-rows");
    rows.replaceChildren();
    for (const repo of repos) {
      const score = await gradeOf(repo);
      const row = document.createElement("tr");
      row.append(cell(repo.name || repo.url), cell(repo.team), cell(score.grade, "grade-" + score.grade),
        cell(score.index));
      row.addEventListener("click", () => showScore(repo));
      rows.append(row);
    }
    $("repositories").hidden = false;
  }

  $("login").addEventListener("submit", (event) => {
    event.preventDefault();
    org = $("org").value.trim();
    key = $("key").value.trim();
    load().catch(showError);
  });
})();
