/*
 * Each date-and-time field in the admin says its value back in words as the editor types:
 * "Wednesday 10 March 2027, 14:00 UK time". A US-order slip (03/10/2027 for 10 March) then
 * reads "Sunday 3 October 2027" before anything is saved, a date without a time asks for the
 * time, and a weekend gets a gentle note. Fields are marked by portal/admin_dates.py
 * (data-read-back); an event's start and end also name their "All day" checkbox.
 *
 * The server decides what is valid (portal/admin_dates.py): this only describes, so the page
 * works the same without it. No inline script or style, for the admin's Content-Security-Policy.
 */
(function () {
  "use strict";

  var DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  var MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
  ];
  // What Django reads in the UK locale: day/month/year, or year-month-day, with an optional
  // 24-hour time.
  var UK_ORDER = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/;
  var ISO_ORDER = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[\sT]+(\d{1,2}):(\d{2}))?$/;
  var SELECTOR = "input[data-read-back], input[name='go_live_at'], input[name='expire_at']";

  function read(text) {
    var value = (text || "").trim();
    var parts = UK_ORDER.exec(value);
    var day, month, year;
    if (parts) {
      day = Number(parts[1]);
      month = Number(parts[2]);
      year = Number(parts[3]);
    } else {
      parts = ISO_ORDER.exec(value);
      if (!parts) {
        return null;
      }
      year = Number(parts[1]);
      month = Number(parts[2]);
      day = Number(parts[3]);
    }
    var hasTime = parts[4] !== undefined;
    var hour = Number(parts[4] || 0);
    var minute = Number(parts[5] || 0);
    // UTC only to name the weekday of the calendar date typed: no time zone is involved.
    var date = new Date(Date.UTC(year, month - 1, day));
    if (
      date.getUTCFullYear() !== year ||
      date.getUTCMonth() !== month - 1 ||
      date.getUTCDate() !== day ||
      hour > 23 ||
      minute > 59
    ) {
      return null;
    }
    return { date: date, hasTime: hasTime, hour: hour, minute: minute };
  }

  function twoDigits(number) {
    return (number < 10 ? "0" : "") + number;
  }

  function inWords(moment) {
    var date = moment.date;
    return (
      DAYS[date.getUTCDay()] + " " + date.getUTCDate() + " " +
      MONTHS[date.getUTCMonth()] + " " + date.getUTCFullYear()
    );
  }

  function describe(input) {
    var text = input.value.trim();
    if (!text) {
      return { text: "", warning: "" };
    }
    var moment = read(text);
    if (!moment) {
      return {
        text: "Not a date yet: type day/month/year and a 24-hour time, e.g. 10/03/2027 14:00.",
        warning: "",
      };
    }
    var allDayId = input.getAttribute("data-read-back-all-day");
    var allDay = allDayId && document.getElementById(allDayId);
    var words = inWords(moment);
    var said;
    if (allDay && allDay.checked) {
      said = words + " (all day)";
    } else if (!moment.hasTime) {
      said = words + ": add the time, e.g. 14:00" + (allDay ? ", or tick 'All day'." : ".");
    } else {
      said = words + ", " + twoDigits(moment.hour) + ":" + twoDigits(moment.minute) + " UK time";
    }
    var weekday = moment.date.getUTCDay();
    var weekend = weekday === 0 || weekday === 6;
    return {
      text: said,
      warning: weekend ? "That is a " + DAYS[weekday] + ": check the date is the one you meant." : "",
    };
  }

  function attach(input) {
    if (input.hasAttribute("data-read-back-attached")) {
      return;
    }
    input.setAttribute("data-read-back-attached", "");
    var output = document.createElement("p");
    output.id = input.id + "-read-back";
    output.className = "date-read-back";
    output.setAttribute("aria-live", "polite");
    var said = document.createElement("span");
    said.className = "date-read-back__words";
    var warning = document.createElement("span");
    warning.className = "date-read-back__warning";
    output.appendChild(said);
    output.appendChild(warning);
    // After the picker's own script, which Wagtail's widget places just after the input.
    var after = input.nextElementSibling && input.nextElementSibling.tagName === "SCRIPT"
      ? input.nextElementSibling
      : input;
    after.insertAdjacentElement("afterend", output);
    var describedBy = input.getAttribute("aria-describedby");
    input.setAttribute("aria-describedby", (describedBy ? describedBy + " " : "") + output.id);

    function update() {
      var description = describe(input);
      said.textContent = description.text;
      warning.textContent = description.warning;
      output.hidden = !description.text;
    }
    input.addEventListener("input", update);
    input.addEventListener("change", update);
    var allDayId = input.getAttribute("data-read-back-all-day");
    var allDay = allDayId && document.getElementById(allDayId);
    if (allDay) {
      allDay.addEventListener("change", update);
    }
    update();
  }

  function attachAll() {
    Array.prototype.forEach.call(document.querySelectorAll(SELECTOR), attach);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", attachAll);
  } else {
    attachAll();
  }
})();
