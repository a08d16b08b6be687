/*
 * The admin's date pickers, made safe for editors who type dates the UK way.
 *
 * - Text the picker cannot read stays as typed, so the form says what is wrong; the picker's
 *   own habit was to replace it with the current date and time, which then saved silently.
 * - Choosing a day in an empty field fills in 09:00, not whatever the clock says.
 * - A field marked data-picker-opens-on="<id of another field>" (an event's end) opens on that
 *   field's day and time while it is empty itself.
 * - Tab and Escape close the picker, and a field reached with Tab opens none (the editor is
 *   typing, and it would cover the fields that follow): a click or the down arrow opens it.
 */
(function ($) {
  "use strict";

  if (!$ || !$.fn.datetimepicker) {
    return;
  }

  var NEUTRAL_TIME = "09:00";
  var UK_DATE_TIME = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?\s*$/;

  function readUkDateTime(text) {
    var parts = UK_DATE_TIME.exec(text || "");
    if (!parts) {
      return null;
    }
    var moment = new Date(
      Number(parts[3]),
      Number(parts[2]) - 1,
      Number(parts[1]),
      Number(parts[4] || 0),
      Number(parts[5] || 0)
    );
    return isNaN(moment.getTime()) ? null : moment;
  }

  function openOnLinkedField(current, $input) {
    var linkedId = $input.attr("data-picker-opens-on");
    var linked = linkedId && document.getElementById(linkedId);
    var from = linked && !$input.val() ? readUkDateTime(linked.value) : null;
    if (from) {
      // Shows the start's month, and its time for the day chosen, without filling the field.
      this.data("xdsoft_datetime").setCurrentTime(from);
      this.trigger("xchange.xdsoft");
    }
  }

  var reachedByKeyboard = false;

  function showUnlessReachedByKeyboard(current, $input) {
    if (reachedByKeyboard) {
      return false;
    }
    openOnLinkedField.call(this, current, $input);
    return true;
  }

  $.extend($.fn.datetimepicker.defaults, {
    validateOnBlur: false,
    defaultTime: NEUTRAL_TIME,
    onShow: showUnlessReachedByKeyboard,
  });

  document.addEventListener(
    "keydown",
    function (event) {
      if (event.key === "Tab") {
        reachedByKeyboard = true;
      }
    },
    true
  );
  ["mousedown", "touchstart"].forEach(function (type) {
    document.addEventListener(
      type,
      function () {
        reachedByKeyboard = false;
      },
      true
    );
  });

  $(document).on("keydown", "input", function (event) {
    var picker = $(this).data("xdsoft_datetimepicker");
    if (!picker) {
      return;
    }
    if (event.key === "Tab" || event.key === "Escape") {
      $(this).datetimepicker("hide");
    } else if (event.key === "ArrowDown" && !picker.is(":visible")) {
      reachedByKeyboard = false;
      picker.trigger("open.xdsoft");
    }
  });
})(window.jQuery);
